import { UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'update-key-description-refused',
  title: 'UpdateKeyDescription on a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#API_UpdateKeyDescription_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only'),
  ops: ['UpdateKeyDescription'],
  async body(t, key) {
    await t.expectError(t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'too late' })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
