import { derive, peerOn } from './_support.js';
import { apiDoc, documented, repeatedCallCase } from '../_lib/asymmetric.js';

export default repeatedCallCase({
  id: 'key-agreement.same-peer-same-secret',
  title: 'DeriveSharedSecret twice with the same peer public key gives the same secret',
  doc: apiDoc('DeriveSharedSecret'),
  source: documented('service model: DeriveSharedSecret (ECDH over the KMS key and the given public key: a function of the two keys)'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P384',
  usage: 'KEY_AGREEMENT',
  input: () => peerOn('ECC_NIST_P384'),
  call: (t, key, peer) => derive(t, key.KeyId, peer.spki),
  bytes: (out) => out.SharedSecret,
  equal: true,
  label: 'the two secrets are equal',
});
