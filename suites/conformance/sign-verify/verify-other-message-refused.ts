import { SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { documented, errorsDoc, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.verify-other-message-refused',
  title: 'Verify of a valid signature over another message is refused with KMSInvalidSignatureException',
  doc: errorsDoc('Verify'),
  source: documented('service model: KMSInvalidSignatureException ("it cannot confirm that signature was produced by signing the specified message")'),
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P384',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(40, 1), SigningAlgorithm: 'ECDSA_SHA_384' })).then((s) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(40, 2), Signature: s.Signature, SigningAlgorithm: 'ECDSA_SHA_384' }))),
  expected: () => ({ code: 'KMSInvalidSignatureException', status: 400 }),
});
