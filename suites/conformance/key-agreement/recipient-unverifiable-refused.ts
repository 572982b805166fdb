import { inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default refusalCase({
  id: 'key-agreement.recipient-unverifiable-refused',
  title: 'DeriveSharedSecret with a Recipient whose attestation document is not signed by AWS Nitro is refused (no SharedSecret)',
  doc: requestDoc('DeriveSharedSecret', 'Recipient'),
  source: inferred('https://docs.aws.amazon.com/kms/latest/developerguide/attested-calls.html ("AWS KMS relies on the digital signature for the attestation document ... You cannot supply your own certificate"); code and message not recorded'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P256',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki, { Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: t.bytes(512) } }),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
