import { documented } from '../_lib/asymmetric.js';
import { largestMessageCase, MAC } from '../_lib/mac-and-signature.js';

export default largestMessageCase(MAC, {
  id: 'hmac.generate-mac-4096-bytes',
  title: 'GenerateMac of a 4096-byte message succeeds and VerifyMac accepts it',
  source: documented('service model: GenerateMacRequest.Message ("up to 4,096 bytes")'),
});
