import { TagResourceCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'tag-resource-refused',
  title: 'TagResource on a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only'),
  ops: ['TagResource'],
  async body(t, key) {
    await t.expectError(t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'k', TagValue: 'v' }] })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
