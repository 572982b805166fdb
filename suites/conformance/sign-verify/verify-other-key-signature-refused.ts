import { SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { documented, errorsDoc, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.verify-other-key-signature-refused',
  title: 'Verify with one key of a signature made by another key of the same spec is refused with KMSInvalidSignatureException',
  doc: errorsDoc('Verify'),
  source: documented('service model: KMSInvalidSignatureException ("... signing the specified message with the specified KMS key")'),
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  prepare: {
    step: 'another ECC_NIST_P256 key (CreateKey) signs the message (Sign ECDSA_SHA_256)',
    run: async (t) => {
      const other = await t.createKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
      return (await t.kms.send(new SignCommand({ KeyId: other.KeyId, Message: t.bytes(40, 7), SigningAlgorithm: 'ECDSA_SHA_256' }))).Signature;
    },
  },
  call: (t, key, sig) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(40, 7), Signature: sig as Uint8Array, SigningAlgorithm: 'ECDSA_SHA_256' })),
  expected: () => ({ code: 'KMSInvalidSignatureException', status: 400 }),
});
