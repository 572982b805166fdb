/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members, unthrottled } from '../_lib/support.js';
import { tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.list-resource-tags-shape',
  title: 'ListResourceTags answers exactly {Tags: [{TagKey, TagValue}...], Truncated: false} for a tagged key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#API_ListResourceTags_ResponseSyntax',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#API_ListResourceTags_ResponseSyntax; EX ListResourceTags (spec/aws-observed.md §4.3)'),
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t);
    await t.given('TagResource tags the key', () => unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('Purpose', 'Test'), tag('CostCenter', '87654')] }))), {
      coveredBy: 'tags.tag-resource-update-and-add-order',
    });
    const body = expectRawOk<{ Tags?: Array<Record<string, unknown>>; Truncated?: unknown }>(t, await t.raw('ListResourceTags', { KeyId: key.KeyId }), 'ListResourceTags');
    t.expectEqual(members(body), ['Tags', 'Truncated'], 'ListResourceTags members');
    t.expectEqual(body.Truncated, false, 'Truncated');
    t.expectEqual(
      (body.Tags ?? []).map((x) => members(x)),
      [['TagKey', 'TagValue'], ['TagKey', 'TagValue']],
      'members of each tag',
    );
    t.expectEqual(
      [...(body.Tags ?? [])].sort((a, b) => String(a.TagKey).localeCompare(String(b.TagKey))),
      [tag('CostCenter', '87654'), tag('Purpose', 'Test')],
      'the tags',
    );
  },
});
