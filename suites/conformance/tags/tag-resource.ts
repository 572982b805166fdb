/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawOk, members, unthrottled } from '../_lib/support.js';

const TAG_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html';
const LIST_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html';
const tag = (TagKey: string, TagValue = `${TagKey}-value`) => ({ TagKey, TagValue });

const cases: ConformanceCase[] = [
  defineCase({
    id: 'tags.tag-resource-empty-result',
    title: 'TagResource answers an empty result',
    doc: `${TAG_DOC}#API_TagResource_ResponseElements`,
    tags: ['tags'],
    ops: ['CreateKey', 'TagResource'],
    async run(t) {
      const key = await t.createKey();
      const out = await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('Purpose', 'Test')] })));
      t.expectEqual(members(out), [], 'TagResource output members');
    },
  }),
  defineCase({
    id: 'tags.list-resource-tags-shape',
    title: 'ListResourceTags answers exactly {Tags: [{TagKey, TagValue}...], Truncated: false} for a tagged key',
    doc: `${LIST_DOC}#API_ListResourceTags_ResponseSyntax`,
    tags: ['tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('Purpose', 'Test'), tag('CostCenter', '87654')] })));
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
  }),
  defineCase({
    id: 'tags.list-resource-tags-untagged-key',
    title: 'ListResourceTags of a key without tags answers exactly {Tags: [], Truncated: false}',
    doc: `${LIST_DOC}#KMS-ListResourceTags-response-Tags`,
    tags: ['tags'],
    ops: ['CreateKey', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      t.expectEqual(expectRawOk(t, await t.raw('ListResourceTags', { KeyId: key.KeyId }), 'ListResourceTags'), { Tags: [], Truncated: false }, 'body');
    },
  }),
  defineCase({
    id: 'tags.create-key-tags-listed',
    title: 'Tags given to CreateKey are listed by ListResourceTags, in the order given',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Tags',
    tags: ['tags'],
    ops: ['CreateKey', 'ListResourceTags'],
    async run(t) {
      const tags = [tag('alpha', '1'), tag('beta', '2'), tag('gamma', '3')];
      const key = await t.createKey({ Tags: tags });
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, tags, 'Tags');
    },
  }),
  defineCase({
    id: 'tags.tag-resource-update-and-add-order',
    title: 'Re-tagging tag2 and adding tag4, tag5 to tag1..tag3 lists tag1..tag5 in key order, tag2 updated',
    doc: `${TAG_DOC}#KMS-TagResource-request-Tags`,
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
  }),
  defineCase({
    id: 'tags.tag-keys-case-sensitive',
    title: 'Tag keys are case-sensitive: Env and env are two tags',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagKey',
    tags: ['tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('Env', 'prod'), tag('env', 'dev')] })));
      const listed = (await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags ?? [];
      t.expectEqual([...listed].sort((a, b) => (a.TagKey! < b.TagKey! ? -1 : 1)), [tag('Env', 'prod'), tag('env', 'dev')], 'Tags');
    },
  }),
  defineCase({
    id: 'tags.tag-resource-by-key-arn',
    title: 'TagResource and ListResourceTags accept the key ARN',
    doc: `${TAG_DOC}#KMS-TagResource-request-KeyId`,
    tags: ['tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.Arn, Tags: [tag('by', 'arn')] })));
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.Arn }))).Tags, [tag('by', 'arn')], 'Tags');
    },
  }),
];

export default cases;

