import { defineCase } from '../../../harness/conformance/case.js';
import { MRK_DOC, describeIn, primaryKey } from './_support.js';

export default defineCase({
  id: 'multi-region.create-key-primary-configuration',
  title: 'A new multi-Region key: MultiRegionConfiguration PRIMARY, PrimaryKey its own ARN and Region, ReplicaKeys []',
  doc: MRK_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §4.1 and §14 M1 (LS-SNAP test_create_multi_region_key, test_replicate_key)', verifiedAt: '2024-04-11' },
  tags: ['multi-region'],
  ops: ['CreateKey', 'DescribeKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const md = await describeIn(t.kms, key.KeyId);
    t.expectEqual(md.MultiRegionConfiguration, { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: key.Arn, Region: t.region }, ReplicaKeys: [] }, 'MultiRegionConfiguration');
  },
});
