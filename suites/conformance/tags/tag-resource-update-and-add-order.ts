/**
 * LS-SNAP test_update_and_add_tags_on_tagged_key (aws-observed.md §4.3) listed tag1..tag5 in key
 * order; no order is documented, so the listing is compared as a set.
 */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { byTagKey, tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.tag-resource-update-and-add-order',
  title: 'Re-tagging tag2 and adding tag4, tag5 to tag1..tag3 lists exactly tag1..tag5 (in any order), tag2 updated',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags',
  source: recorded('spec/aws-observed.md §4.3 (LS-SNAP test_update_and_add_tags_on_tagged_key); the order seen there is not documented: compared as a set'),
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t, { Tags: [tag('tag1'), tag('tag2'), tag('tag3')] });
    await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('tag2', 'updated'), tag('tag4'), tag('tag5')] })));
    t.expectEqual(
      byTagKey((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags),
      [tag('tag1'), tag('tag2', 'updated'), tag('tag3'), tag('tag4'), tag('tag5')],
      'Tags (sorted by key)',
    );
  },
});
