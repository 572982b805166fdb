import { inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default refusalCase({
  id: 'key-agreement.other-curve-public-key-refused',
  title: 'DeriveSharedSecret with a P-384 key for a P-256 KMS key is refused with ValidationException',
  doc: requestDoc('DeriveSharedSecret', 'PublicKey'),
  source: inferred('service model: DeriveSharedSecretRequest.PublicKey ("must be ... the same curve"); the code AWS answers for a malformed key (spec/aws-observed.md V15)'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P256',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P384').spki),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
