import { UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'update-key-description-refused',
  title: 'UpdateKeyDescription on a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#API_UpdateKeyDescription_Errors',
  ops: ['UpdateKeyDescription'],
  async body(t, key) {
    await t.expectError(t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'too late' })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
