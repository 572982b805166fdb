import { documented } from '../_lib/asymmetric.js';
import { largestMessageCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default largestMessageCase(SIGNATURE, {
  id: 'sign-verify.sign-raw-4096-bytes',
  title: 'Sign of a 4096-byte RAW message succeeds (the largest message)',
  source: documented('service model: SignRequest.Message ("Messages can be 0-4096 bytes")'),
});
