import { defineCase } from '../../../harness/conformance/case.js';
import { describeIn, givenReplica, MRK_DOC, primaryKey, replicaRegion } from './_support.js';
import { keyArn, settle } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.primary-lists-replicas',
  title: 'DescribeKey of the primary lists each replica in ReplicaKeys',
  doc: MRK_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §4.1 and §14 M1 (LS-SNAP test_create_multi_region_key, test_replicate_key)', verifiedAt: '2024-04-11' },
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const [a, b] = [replicaRegion(t, 0), replicaRegion(t, 1)];
    await givenReplica(t, key.KeyId, a);
    await givenReplica(t, key.KeyId, b);
    const listed = await settle(
      async () => (await describeIn(t.kms, key.KeyId)).MultiRegionConfiguration?.ReplicaKeys ?? [],
      (r) => r.length === 2,
    );
    t.expectEqual(
      listed.map((r) => r.Region).sort(),
      [a, b].sort(),
      'Regions of ReplicaKeys',
    );
    t.check(listed.every((r) => r.Arn === keyArn(t, key.KeyId, r.Region!)), 'each replica ARN names its Region', listed);
  },
});
