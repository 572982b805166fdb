import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { absentKeyCase } from './_key-refusal.js';

export default absentKeyCase({
  behaviour: 'reencrypt-absent-destination',
  title: 'ReEncrypt to a DestinationKeyId that names no key is refused with NotFoundException',
  op: 'ReEncrypt',
  send: (kms, CiphertextBlob, DestinationKeyId) => kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId })),
});
