import { VerifyCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, signature } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.verify-bad-signature-refused',
  title: 'Verify of a signature that does not match is refused with KMSInvalidSignatureException and no message',
  doc: errorsDoc('Verify'),
  source: recorded('spec/aws-observed.md §9 (Verify wrong signature: KMSInvalidSignatureException, no message)'),
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  prepare: signature('ECDSA_SHA_256', (t) => t.bytes(40, 7)),
  call: (t, key, sig) => {
    const bad = Buffer.from(sig as Uint8Array);
    bad[bad.length - 1]! ^= 1;
    return t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(40, 7), Signature: bad, SigningAlgorithm: 'ECDSA_SHA_256' }));
  },
  expected: () => ({ code: 'KMSInvalidSignatureException', status: 400, message: null }),
});
