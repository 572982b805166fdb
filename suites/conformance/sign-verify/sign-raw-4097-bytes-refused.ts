import { documented } from '../_lib/asymmetric.js';
import { oversizeMessageCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default oversizeMessageCase(SIGNATURE, {
  id: 'sign-verify.sign-raw-4097-bytes-refused',
  title: 'Sign of a 4097-byte RAW message is refused with ValidationException (messages are 0-4096 bytes)',
  source: documented('service model: SignRequest.Message ("Messages can be 0-4096 bytes"); PlaintextType max 4096'),
});
