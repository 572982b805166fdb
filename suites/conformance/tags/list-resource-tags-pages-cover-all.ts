import { ListResourceTagsCommand, type Tag } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { byTagKey, tags } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.list-resource-tags-pages-cover-all',
  title: 'Paging ListResourceTags with Limit 2 and NextMarker returns each of 5 tags exactly once (in any order)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#KMS-ListResourceTags-request-Marker',
  source: documented('service model: ListResourceTagsRequest.Marker (no order of tags is documented: compared as a set)'),
  tags: ['tags'],
  ops: ['CreateKey', 'ListResourceTags'],
  async run(t) {
    const all = tags(5);
    const key = await givenKey(t, { Tags: all });
    const seen: Tag[] = [];
    let marker: string | undefined;
    for (let n = 0; n < 10; n++) {
      const page = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 2, Marker: marker }));
      seen.push(...(page.Tags ?? []));
      marker = page.Truncated ? page.NextMarker : undefined;
      if (!marker) break;
    }
    t.expectEqual(byTagKey(seen), byTagKey(all), 'tags across pages (sorted by key)');
  },
});
