import { UntagResourceCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { tagBefore } from './_tags.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'untag-resource-refused',
  title: 'UntagResource on a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#API_UntagResource_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only'),
  ops: ['TagResource', 'UntagResource'],
  before: (t, key) => tagBefore(t, key, { a: '1' }),
  async body(t, key) {
    await t.expectError(t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a'] })), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
