import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { incorrectKeyCase } from './_key-refusal.js';
import { documented } from '../_lib/sources.js';

/** C5 recorded the code (and wording) with an HMAC SourceKeyId; for a symmetric one only the code is checked. */
export default incorrectKeyCase({
  behaviour: 'reencrypt-incorrect-source-key',
  title: 'ReEncrypt with a SourceKeyId that did not encrypt the blob is refused with IncorrectKeyException',
  source: documented('service model: IncorrectKeyException (SourceKeyId must identify the encrypting key); recorded with an HMAC SourceKeyId (spec/aws-observed.md §5 C5): code only'),
  op: 'ReEncrypt',
  send: (kms, CiphertextBlob, other) => kms.send(new ReEncryptCommand({ CiphertextBlob, SourceKeyId: other, DestinationKeyId: other })),
});
