/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.list-resource-tags-untagged-key',
  title: 'ListResourceTags of a key without tags answers exactly {Tags: [], Truncated: false}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#KMS-ListResourceTags-response-Tags',
  source: recorded('spec/aws-observed.md §4.3 (Tags: [] and Truncated: false once a key has no tags, LS-SNAP test_tag_existing_key_and_untag)'),
  tags: ['tags'],
  ops: ['CreateKey', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t);
    t.expectEqual(expectRawOk(t, await t.raw('ListResourceTags', { KeyId: key.KeyId }), 'ListResourceTags'), { Tags: [], Truncated: false }, 'body');
  },
});
