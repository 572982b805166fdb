import { VerifyCommand } from '@aws-sdk/client-kms';
import { documented, errorsDoc, refusalCase, signature } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.verify-other-message-refused',
  title: 'Verify of a valid signature over another message is refused with KMSInvalidSignatureException',
  doc: errorsDoc('Verify'),
  source: documented('service model: KMSInvalidSignatureException ("it cannot confirm that signature was produced by signing the specified message")'),
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P384',
  usage: 'SIGN_VERIFY',
  prepare: signature('ECDSA_SHA_384', (t) => t.bytes(40, 1)),
  call: (t, key, sig) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(40, 2), Signature: sig as Uint8Array, SigningAlgorithm: 'ECDSA_SHA_384' })),
  expected: () => ({ code: 'KMSInvalidSignatureException', status: 400 }),
});
