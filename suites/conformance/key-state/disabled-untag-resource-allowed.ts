import { UntagResourceCommand } from '@aws-sdk/client-kms';
import { settle, stateCase } from './_support.js';
import { tagBefore, tagKeys } from './_tags.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'Disabled',
  behaviour: 'untag-resource-allowed',
  title: 'UntagResource on a Disabled key succeeds and the tag is gone',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#API_UntagResource_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (UntagResource ✓ while Disabled)'),
  ops: ['TagResource', 'UntagResource', 'ListResourceTags'],
  before: (t, key) => tagBefore(t, key, { a: '1', b: '2' }),
  async body(t, key) {
    await t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a'] }));
    const tags = await settle(() => tagKeys(t, key), (v) => v.length === 1);
    t.expectEqual(tags, ['b=2'], 'tags after UntagResource');
  },
});
