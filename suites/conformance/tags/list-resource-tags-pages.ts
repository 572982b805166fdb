import { ListResourceTagsCommand, type Tag } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html';
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ TagKey: `t${String(i).padStart(2, '0')}`, TagValue: `v${i}` }));

const cases: ConformanceCase[] = [
  defineCase({
    id: 'tags.list-resource-tags-truncated-page',
    title: 'ListResourceTags with Limit 2 of 5 tags answers exactly {Tags: [two], NextMarker, Truncated: true}',
    doc: `${DOC}#KMS-ListResourceTags-request-Limit`,
    tags: ['tags'],
    ops: ['CreateKey', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey({ Tags: tags(5) });
      const body = expectRawOk<{ Tags?: unknown[]; NextMarker?: unknown; Truncated?: unknown }>(
        t,
        await t.raw('ListResourceTags', { KeyId: key.KeyId, Limit: 2 }),
        'ListResourceTags',
      );
      t.expectEqual(members(body), ['NextMarker', 'Tags', 'Truncated'], 'members of a truncated page');
      t.expectEqual([body.Tags?.length, body.Truncated], [2, true], 'entries and Truncated');
      t.check(typeof body.NextMarker === 'string' && body.NextMarker.length > 0, 'NextMarker is a non-empty string', body.NextMarker);
    },
  }),
  defineCase({
    id: 'tags.list-resource-tags-pages-cover-all',
    title: 'Paging ListResourceTags with Limit 2 and NextMarker returns each of 5 tags once, in order',
    doc: `${DOC}#KMS-ListResourceTags-request-Marker`,
    tags: ['tags'],
    ops: ['CreateKey', 'ListResourceTags'],
    async run(t) {
      const all = tags(5);
      const key = await t.createKey({ Tags: all });
      const seen: Tag[] = [];
      let marker: string | undefined;
      for (let n = 0; n < 10; n++) {
        const page = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 2, Marker: marker }));
        seen.push(...(page.Tags ?? []));
        marker = page.Truncated ? page.NextMarker : undefined;
        if (!marker) break;
      }
      t.expectEqual(seen, all, 'tags across pages');
    },
  }),
  defineCase({
    id: 'tags.list-resource-tags-invalid-marker',
    title: 'ListResourceTags refuses a Marker it never issued with InvalidMarkerException',
    doc: `${DOC}#API_ListResourceTags_Errors`,
    tags: ['tags'],
    ops: ['CreateKey', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey({ Tags: tags(3) });
      await t.expectError(t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Marker: 'kmsbench-not-a-marker' })), {
        code: 'InvalidMarkerException',
        status: 400,
      });
    },
  }),
];

export default cases;
