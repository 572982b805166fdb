import { documented } from '../_lib/asymmetric.js';
import { MAC, mismatchCase } from '../_lib/mac-and-signature.js';

export default mismatchCase(MAC, {
  id: 'hmac.verify-mac-other-message-refused',
  title: 'VerifyMac of a valid MAC over another message is refused with KMSInvalidMacException',
  source: documented('service model: VerifyMac ("verifies the hash-based message authentication code (HMAC) for a specified message"), KMSInvalidMacException'),
  key: { spec: 'HMAC_384', alg: 'HMAC_SHA_384' },
  change: 'other-message',
});
