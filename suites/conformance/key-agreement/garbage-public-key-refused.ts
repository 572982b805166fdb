import { derive } from './_support.js';
import { recorded, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'key-agreement.garbage-public-key-refused',
  title: 'DeriveSharedSecret with a PublicKey that is not a DER SubjectPublicKeyInfo is refused with ValidationException and no message',
  doc: requestDoc('DeriveSharedSecret', 'PublicKey'),
  source: recorded('spec/aws-observed.md §6.1 V15'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P256',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => derive(t, key.KeyId, t.bytes(91)),
  expected: () => ({ code: 'ValidationException', status: 400, message: null }),
});
