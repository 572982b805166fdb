/** 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags"). */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectOneOf, refused, unthrottled } from '../_lib/support.js';

const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ TagKey: `${prefix}${String(i).padStart(2, '0')}`, TagValue: `v${i}` }));
const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'limits.create-key-50-tags',
    title: 'CreateKey accepts 50 tags and ListResourceTags lists all 50',
    doc: DOC,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey({ Tags: tags(50) });
      const out = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 50 }));
      t.expectEqual(out.Tags?.length, 50, 'number of tags');
    },
  }),
  defineCase({
    id: 'limits.create-key-51-tags',
    title: 'CreateKey refuses 51 tags: TagException "Too many tags"',
    doc: DOC,
    tags: ['limits', 'tags'],
    ops: ['CreateKey'],
    async run(t) {
      const r = await refused(t, t.createKey({ Tags: tags(51) }), 'CreateKey');
      t.expectEqual(r, { code: 'TagException', status: 400, message: 'Too many tags' }, 'refusal');
    },
  }),
  defineCase({
    id: 'limits.tag-resource-51st-tag',
    title: 'TagResource refuses a tag that would be the 51st on the key, and the key keeps its 50',
    doc: DOC,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      // Recorded only for CreateKey; TagResource's model also lists LimitExceededException: either code.
      const key = await t.createKey({ Tags: tags(50) });
      await expectOneOf(t, unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'one-more', TagValue: 'x' }] }))), [
        'TagException',
        'LimitExceededException',
      ], 'TagResource');
      const out = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 50 }));
      t.check((out.Tags ?? []).every((tag) => tag.TagKey !== 'one-more'), 'the 51st tag was not added', out.Tags?.length);
    },
  }),
  defineCase({
    id: 'limits.tag-resource-retag-at-50',
    title: 'On a key with 50 tags, TagResource may still change the value of an existing tag key',
    doc: DOC,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey({ Tags: tags(50) });
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'k07', TagValue: 'changed' }] })));
      const out = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 50 }));
      t.expectEqual(out.Tags?.length, 50, 'number of tags');
      t.expectEqual(out.Tags?.find((tag) => tag.TagKey === 'k07')?.TagValue, 'changed', 'value of k07');
    },
  }),
];

export default cases;
