import { REPLICATE_DOC, primaryCase, replicateOnly } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default primaryCase({
  behaviour: 'replicate-default-policy',
  title: 'ReplicateKey without Policy: ReplicaPolicy is the default key policy',
  doc: REPLICATE_DOC,
  source: recorded('spec/aws-observed.md §4.4 (ReplicateKey ReplicaPolicy: LS-SNAP test_replicate_key)', { verifiedAt: '2024-04-11' }),
  tags: ['policy'],
  ops: ['ReplicateKey'],
  async body(t, key, region) {
    const out = await replicateOnly(t, key.KeyId, region);
    const policy = JSON.parse(out.ReplicaPolicy!) as { Statement: Array<{ Sid?: string; Principal?: { AWS?: string }; Action?: string }> };
    t.expectEqual(policy.Statement.map((s) => [s.Sid, s.Principal?.AWS, s.Action]), [['Enable IAM User Permissions', `arn:aws:iam::${t.account}:root`, 'kms:*']], 'the default statement');
  },
});
