import { documented } from '../_lib/asymmetric.js';
import { MAC, mismatchCase } from '../_lib/mac-and-signature.js';

export default mismatchCase(MAC, {
  id: 'hmac.verify-mac-truncated-mac-refused',
  title: 'VerifyMac of the first 16 bytes of a valid MAC is refused with KMSInvalidMacException',
  source: documented('service model: KMSInvalidMacException ("the HMAC verification failed"); a truncated tag is not the HMAC_SHA_256 tag (RFC 2104)'),
  change: (mac) => mac.subarray(0, 16),
});
