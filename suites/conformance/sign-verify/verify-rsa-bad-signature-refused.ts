import { VerifyCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, signature } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.verify-rsa-bad-signature-refused',
  title: 'Verify of an altered RSASSA_PSS_SHA_256 signature is refused with KMSInvalidSignatureException and no message',
  doc: errorsDoc('Verify'),
  source: recorded('spec/aws-observed.md §9 (Verify wrong signature: KMSInvalidSignatureException, no message; LS-SNAP test_sign_verify[*] bad-signature)'),
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'RSA_2048',
  usage: 'SIGN_VERIFY',
  prepare: signature('RSASSA_PSS_SHA_256', (t) => t.bytes(40, 7)),
  call: (t, key, sig) => {
    const bad = Buffer.from(sig as Uint8Array);
    bad[10]! ^= 0x80;
    return t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(40, 7), Signature: bad, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
  },
  expected: () => ({ code: 'KMSInvalidSignatureException', status: 400, message: null }),
});
