import { defineCase } from '../../../harness/conformance/case.js';
import { REPLICATE_DOC, primaryKey, replicaRegion, replicate, replicateOnly } from './_support.js';

export default defineCase({
  id: 'multi-region.replicate-reply-creating',
  title: 'The ReplicateKey reply shows the replica Creating, Enabled false, Description "" and a REPLICA configuration',
  doc: REPLICATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §4.1 and §14 M1 (LS-SNAP test_create_multi_region_key, test_replicate_key)', verifiedAt: '2024-04-11' },
  tags: ['multi-region', 'key-state'],
  ops: ['CreateKey', 'ReplicateKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t, { Description: 'primary description' });
    const region = replicaRegion(t);
    const out = await replicateOnly(t, key.KeyId, region);
    const r = out.ReplicaKeyMetadata!;
    t.expectEqual([r.KeyState, r.Enabled, r.Description], ['Creating', false, ''], 'KeyState, Enabled, Description');
    t.expectEqual(r.MultiRegionConfiguration?.MultiRegionKeyType, 'REPLICA', 'MultiRegionKeyType');
    t.expectEqual(r.MultiRegionConfiguration?.PrimaryKey, { Arn: key.Arn, Region: t.region }, 'PrimaryKey');
  },
});
