import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';
import { tags } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.list-resource-tags-truncated-page',
  title: 'ListResourceTags with Limit 2 of 5 tags answers exactly {Tags: [two], NextMarker, Truncated: true}',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#KMS-ListResourceTags-request-Limit',
  source: documented('service model: ListResourceTagsRequest.Limit, ListResourceTagsResponse.NextMarker, Truncated'),
  tags: ['tags'],
  ops: ['CreateKey', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t, { Tags: tags(5) });
    const body = expectRawOk<{ Tags?: unknown[]; NextMarker?: unknown; Truncated?: unknown }>(
      t,
      await t.raw('ListResourceTags', { KeyId: key.KeyId, Limit: 2 }),
      'ListResourceTags',
    );
    t.expectEqual(members(body), ['NextMarker', 'Tags', 'Truncated'], 'members of a truncated page');
    t.expectEqual([body.Tags?.length, body.Truncated], [2, true], 'entries and Truncated');
    t.check(typeof body.NextMarker === 'string' && body.NextMarker.length > 0, 'NextMarker is a non-empty string', body.NextMarker);
  },
});
