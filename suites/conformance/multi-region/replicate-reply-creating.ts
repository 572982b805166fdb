import { RECORDED_M1, REPLICATE_DOC, primaryCase, replicateOnly } from './_support.js';

export default primaryCase({
  behaviour: 'replicate-reply-creating',
  title: 'The ReplicateKey reply shows the replica Creating, Enabled false, Description "" and a REPLICA configuration',
  doc: REPLICATE_DOC,
  source: RECORDED_M1,
  tags: ['key-state'],
  ops: ['ReplicateKey'],
  primary: { Description: 'primary description' },
  async body(t, key, region) {
    const out = await replicateOnly(t, key.KeyId, region);
    const r = out.ReplicaKeyMetadata!;
    t.expectEqual([r.KeyState, r.Enabled, r.Description], ['Creating', false, ''], 'KeyState, Enabled, Description');
    t.expectEqual(r.MultiRegionConfiguration?.MultiRegionKeyType, 'REPLICA', 'MultiRegionKeyType');
    t.expectEqual(r.MultiRegionConfiguration?.PrimaryKey, { Arn: key.Arn, Region: t.region }, 'PrimaryKey');
  },
});
