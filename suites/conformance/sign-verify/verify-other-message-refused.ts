import { documented } from '../_lib/asymmetric.js';
import { mismatchCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default mismatchCase(SIGNATURE, {
  id: 'sign-verify.verify-other-message-refused',
  title: 'Verify of a valid signature over another message is refused with KMSInvalidSignatureException',
  source: documented('service model: KMSInvalidSignatureException ("it cannot confirm that signature was produced by signing the specified message")'),
  key: { spec: 'ECC_NIST_P384', alg: 'ECDSA_SHA_384' },
  change: 'other-message',
});
