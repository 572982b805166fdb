import { settle, stateCase } from './_support.js';
import { tagBefore, tagKeys } from './_tags.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'PendingDeletion',
  behaviour: 'list-resource-tags-allowed',
  title: 'ListResourceTags on a key pending deletion succeeds and lists its tags',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (ListResourceTags ✓ in every state)'),
  ops: ['TagResource', 'ListResourceTags'],
  before: (t, key) => tagBefore(t, key, { owner: 'conformance' }),
  async body(t, key) {
    const tags = await settle(() => tagKeys(t, key), (v) => v.length > 0);
    t.expectEqual(tags, ['owner=conformance'], 'tags of the key pending deletion');
  },
});
