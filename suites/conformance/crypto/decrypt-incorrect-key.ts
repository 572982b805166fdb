import { DecryptCommand } from '@aws-sdk/client-kms';
import { incorrectKeyCase } from './_key-refusal.js';
import { documented } from '../_lib/sources.js';

/** MODEL IncorrectKeyException; C4 recorded the wording for an HMAC KeyId, C7 (symmetric) is unrecorded: code only. */
export default incorrectKeyCase({
  behaviour: 'decrypt-incorrect-key',
  title: 'Decrypt with a KeyId naming another symmetric key than the encrypting one is refused with IncorrectKeyException',
  source: documented('service model: IncorrectKeyException ("The KeyId in a Decrypt request ... must identify the same KMS key"); a symmetric KeyId is not recorded (spec/aws-observed.md §5 C7): code only'),
  op: 'Decrypt',
  send: (kms, CiphertextBlob, KeyId) => kms.send(new DecryptCommand({ CiphertextBlob, KeyId })),
});
