/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { tag } from './_tag-resource.js';

export default defineCase({
  id: 'tags.tag-resource-update-and-add-order',
  title: 'Re-tagging tag2 and adding tag4, tag5 to tag1..tag3 lists tag1..tag5 in key order, tag2 updated',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §4.3 (LS-SNAP test_update_and_add_tags_on_tagged_key); the order seen there is not documented: compared as a set',
    verifiedAt: '2026-12-07',
  },
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    // LS-SNAP test_update_and_add_tags_on_tagged_key (aws-observed.md §4.3).
    const key = await t.createKey({ Tags: [tag('tag1'), tag('tag2'), tag('tag3')] });
    await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('tag2', 'updated'), tag('tag4'), tag('tag5')] })));
    t.expectEqual(
      (await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags,
      [tag('tag1'), tag('tag2', 'updated'), tag('tag3'), tag('tag4'), tag('tag5')],
      'Tags',
    );
  },
});
