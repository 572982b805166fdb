import { documented } from '../_lib/asymmetric.js';
import { ed25519MessageTypeCase } from './_support.js';

export default ed25519MessageTypeCase(
  'ED25519_PH_SHA_512',
  documented('service model: SignRequest.MessageType ("ED25519_PH_SHA_512 signing algorithm requires KMS MessageType:DIGEST"); message not recorded'),
);
