import { defineCase } from '../../../harness/conformance/case.js';
import { REPLICATE_DOC, primaryKey, replicaRegion, replicate, replicateOnly } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default defineCase({
  id: 'multi-region.replicate-same-key-id',
  title: 'ReplicateKey: the replica has the same key id, its ARN names the replica Region',
  doc: REPLICATE_DOC,
  source: { kind: 'recorded', cite: 'spec/aws-observed.md §4.1 and §14 M1 (LS-SNAP test_create_multi_region_key, test_replicate_key)', verifiedAt: '2024-04-11' },
  tags: ['multi-region'],
  ops: ['CreateKey', 'ReplicateKey'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    const out = await replicateOnly(t, key.KeyId, region);
    t.expectEqual(out.ReplicaKeyMetadata?.KeyId, key.KeyId, 'KeyId of the replica');
    t.expectEqual(out.ReplicaKeyMetadata?.Arn, keyArn(t, key.KeyId, region), 'Arn of the replica');
  },
});
