import { RECORDED_M1, REPLICATE_DOC, primaryCase, replicateOnly } from './_support.js';
import { keyArn } from '../_lib/support.js';

export default primaryCase({
  behaviour: 'replicate-same-key-id',
  title: 'ReplicateKey: the replica has the same key id, its ARN names the replica Region',
  doc: REPLICATE_DOC,
  source: RECORDED_M1,
  ops: ['ReplicateKey'],
  async body(t, key, region) {
    const out = await replicateOnly(t, key.KeyId, region);
    t.expectEqual(out.ReplicaKeyMetadata?.KeyId, key.KeyId, 'KeyId of the replica');
    t.expectEqual(out.ReplicaKeyMetadata?.Arn, keyArn(t, key.KeyId, region), 'Arn of the replica');
  },
});
