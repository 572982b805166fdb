import { UntagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, unthrottled } from '../_lib/support.js';
import { tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.untag-resource-all',
  title: 'After removing every tag, ListResourceTags answers {Tags: [], Truncated: false}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#API_UntagResource_ResponseElements',
  source: recorded('spec/aws-observed.md §4.3 (LS-SNAP test_tag_existing_key_and_untag: Tags [] after removing all)'),
  tags: ['tags'],
  ops: ['CreateKey', 'UntagResource', 'ListResourceTags'],
  async run(t) {
    // LS-SNAP test_tag_existing_key_and_untag (aws-observed.md §4.3).
    const key = await givenKey(t, { Tags: [tag('a'), tag('b')] });
    await unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a', 'b'] })));
    t.expectEqual(expectRawOk(t, await t.raw('ListResourceTags', { KeyId: key.KeyId }), 'ListResourceTags'), { Tags: [], Truncated: false }, 'body');
  },
});
