import { recorded } from '../_lib/asymmetric.js';
import { flipped, mismatchCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default mismatchCase(SIGNATURE, {
  id: 'sign-verify.verify-rsa-bad-signature-refused',
  title: 'Verify of an altered RSASSA_PSS_SHA_256 signature is refused with KMSInvalidSignatureException and no message',
  source: recorded('spec/aws-observed.md §9 (Verify wrong signature: KMSInvalidSignatureException, no message; LS-SNAP test_sign_verify[*] bad-signature)'),
  key: { spec: 'RSA_2048', alg: 'RSASSA_PSS_SHA_256' },
  change: flipped(10, 0x80),
});
