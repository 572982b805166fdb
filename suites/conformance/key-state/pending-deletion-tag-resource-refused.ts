import { TagResourceCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'tag-resource-refused',
  title: 'TagResource on a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_Errors',
  ops: ['TagResource'],
  async body(t, key) {
    await t.expectError(t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'k', TagValue: 'v' }] })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
