import { recorded } from '../_lib/asymmetric.js';
import { flipped, mismatchCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default mismatchCase(SIGNATURE, {
  id: 'sign-verify.verify-bad-signature-refused',
  title: 'Verify of a signature that does not match is refused with KMSInvalidSignatureException and no message',
  source: recorded('spec/aws-observed.md §9 (Verify wrong signature: KMSInvalidSignatureException, no message)'),
  change: flipped(-1, 1),
});
