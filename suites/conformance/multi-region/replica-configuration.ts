import { defineCase } from '../../../harness/conformance/case.js';
import { givenReplica, primaryKey, replicaRegion, REPLICATE_DOC } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.replica-configuration',
  title: 'DescribeKey of a replica in its Region: REPLICA, PrimaryKey the primary, ReplicaKeys listing it',
  doc: REPLICATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §4.1 and §14 M1 (LS-SNAP test_create_multi_region_key, test_replicate_key)', verifiedAt: '2024-04-11' },
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    const { ready } = await givenReplica(t, key.KeyId, region);
    t.expectEqual(ready.MultiRegionConfiguration, {
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: key.Arn, Region: t.region },
      ReplicaKeys: [{ Arn: keyArn(t, key.KeyId, region), Region: region }],
    }, 'MultiRegionConfiguration of the replica');
  },
});
