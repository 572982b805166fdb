import { derive, peerOn } from './_support.js';
import { defineCase } from '../../../harness/conformance/case.js';
import { apiDoc, documented, keyOf } from '../_lib/asymmetric.js';

export default defineCase({
  id: 'key-agreement.same-peer-same-secret',
  title: 'DeriveSharedSecret twice with the same peer public key gives the same secret',
  doc: apiDoc('DeriveSharedSecret'),
  source: documented('service model: DeriveSharedSecret (ECDH over the KMS key and the given public key: a function of the two keys)'),
  tags: ['key-agreement'],
  ops: ['CreateKey', 'DeriveSharedSecret'],
  async run(t) {
    const key = await keyOf(t, 'ECC_NIST_P384', 'KEY_AGREEMENT');
    const peer = peerOn('ECC_NIST_P384');
    const a = await derive(t, key.KeyId, peer.spki);
    const b = await derive(t, key.KeyId, peer.spki);
    t.check(Buffer.from(a.SharedSecret!).equals(Buffer.from(b.SharedSecret!)), 'the two secrets are equal');
  },
});
