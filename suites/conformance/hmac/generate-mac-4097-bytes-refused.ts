import { documented } from '../_lib/asymmetric.js';
import { MAC, oversizeMessageCase } from '../_lib/mac-and-signature.js';

export default oversizeMessageCase(MAC, {
  id: 'hmac.generate-mac-4097-bytes-refused',
  title: 'GenerateMac of a 4097-byte message is refused with ValidationException (messages up to 4096 bytes)',
  source: documented('service model: GenerateMacRequest.Message ("Specify a message of up to 4,096 bytes")'),
});
