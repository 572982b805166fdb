import { DecryptCommand } from '@aws-sdk/client-kms';
import { absentKeyCase } from './_key-refusal.js';

export default absentKeyCase({
  behaviour: 'decrypt-absent-key-id',
  title: 'Decrypt with a KeyId that names no key is refused with NotFoundException',
  op: 'Decrypt',
  send: (kms, CiphertextBlob, KeyId) => kms.send(new DecryptCommand({ CiphertextBlob, KeyId })),
});
