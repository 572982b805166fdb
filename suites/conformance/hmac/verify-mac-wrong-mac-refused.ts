import { recorded } from '../_lib/asymmetric.js';
import { flipped, MAC, mismatchCase } from '../_lib/mac-and-signature.js';

export default mismatchCase(MAC, {
  id: 'hmac.verify-mac-wrong-mac-refused',
  title: 'VerifyMac of a MAC that does not match is refused with KMSInvalidMacException and no message',
  source: recorded('spec/aws-observed.md §9 (VerifyMac wrong MAC: KMSInvalidMacException, no message)'),
  change: flipped(0, 1),
});
