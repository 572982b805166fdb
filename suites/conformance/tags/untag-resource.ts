import { ListResourceTagsCommand, UntagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html';
const tag = (TagKey: string) => ({ TagKey, TagValue: `${TagKey}-value` });

const cases: ConformanceCase[] = [
  defineCase({
    id: 'tags.untag-resource-removes-named',
    title: 'UntagResource answers an empty result and removes only the named tag keys',
    doc: `${DOC}#KMS-UntagResource-request-TagKeys`,
    tags: ['tags'],
    ops: ['CreateKey', 'UntagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey({ Tags: [tag('a'), tag('b'), tag('c')] });
      const out = await unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['b'] })));
      t.expectEqual(members(out), [], 'UntagResource output members');
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [tag('a'), tag('c')], 'Tags');
    },
  }),
  defineCase({
    id: 'tags.untag-resource-absent-tag-key',
    title: 'UntagResource of a tag key the key does not have succeeds and changes nothing',
    doc: `${DOC}#KMS-UntagResource-request-TagKeys`,
    tags: ['tags'],
    ops: ['CreateKey', 'UntagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey({ Tags: [tag('a')] });
      await unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId: key.Arn, TagKeys: ['not-there'] })));
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [tag('a')], 'Tags');
    },
  }),
  defineCase({
    id: 'tags.untag-resource-all',
    title: 'After removing every tag, ListResourceTags answers {Tags: [], Truncated: false}',
    doc: `${DOC}#API_UntagResource_ResponseElements`,
    tags: ['tags'],
    ops: ['CreateKey', 'UntagResource', 'ListResourceTags'],
    async run(t) {
      // LS-SNAP test_tag_existing_key_and_untag (aws-observed.md §4.3).
      const key = await t.createKey({ Tags: [tag('a'), tag('b')] });
      await unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a', 'b'] })));
      t.expectEqual(expectRawOk(t, await t.raw('ListResourceTags', { KeyId: key.KeyId }), 'ListResourceTags'), { Tags: [], Truncated: false }, 'body');
    },
  }),
];

export default cases;
