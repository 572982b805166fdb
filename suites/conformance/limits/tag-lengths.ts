/**
 * Tag keys are 1..128 characters, values 0..256 (facts sheet; MODEL TagKeyType/TagValueType);
 * over-long ones are ValidationException naming the list position (aws-observed.md V17, V18).
 */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { rawUnthrottled, refused, unthrottled } from '../_lib/support.js';

const TAG_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'limits.tag-key-128-characters',
    title: 'TagResource accepts a 128-character tag key',
    doc: `${TAG_DOC}TagKey`,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      const tag = { TagKey: 'k'.repeat(128), TagValue: 'v' };
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag] })));
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [tag], 'Tags');
    },
  }),
  defineCase({
    id: 'limits.tag-key-129-characters',
    title: "CreateKey refuses a 129-character tag key: Value '<key>' at 'tags.1.member.tagKey' ... less than or equal to 128 (V18)",
    doc: `${TAG_DOC}TagKey`,
    tags: ['limits', 'tags'],
    ops: ['CreateKey'],
    async run(t) {
      const longKey = 'a'.repeat(129);
      const r = await refused(t, t.createKey({ Tags: [{ TagKey: longKey, TagValue: 'v' }] }), 'CreateKey');
      t.expectEqual(
        r,
        {
          code: 'ValidationException',
          status: 400,
          message: `1 validation error detected: Value '${longKey}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
        },
        'refusal',
      );
    },
  }),
  defineCase({
    id: 'limits.tag-key-empty',
    title: 'TagResource refuses an empty tag key with ValidationException',
    doc: `${TAG_DOC}TagKey`,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource'],
    async run(t) {
      const key = await t.createKey();
      const reply = await rawUnthrottled(t, 'TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: '', TagValue: 'v' }] });
      t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
    },
  }),
  defineCase({
    id: 'limits.tag-value-256-characters',
    title: 'TagResource accepts a 256-character tag value',
    doc: `${TAG_DOC}TagValue`,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      const tag = { TagKey: 'long-value', TagValue: 'v'.repeat(256) };
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag] })));
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [tag], 'Tags');
    },
  }),
  defineCase({
    id: 'limits.tag-value-257-characters',
    title: "CreateKey refuses a 257-character tag value: Value '<value>' at 'tags.1.member.tagValue' ... 256 (V17)",
    doc: `${TAG_DOC}TagValue`,
    tags: ['limits', 'tags'],
    ops: ['CreateKey'],
    async run(t) {
      const longValue = 'v'.repeat(257);
      const r = await refused(t, t.createKey({ Tags: [{ TagKey: 'k', TagValue: longValue }] }), 'CreateKey');
      t.expectEqual(
        r,
        {
          code: 'ValidationException',
          status: 400,
          message: `1 validation error detected: Value '${longValue}' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`,
        },
        'refusal',
      );
    },
  }),
  defineCase({
    id: 'limits.tag-value-empty',
    title: 'TagResource accepts an empty tag value and ListResourceTags shows it as ""',
    doc: `${TAG_DOC}TagValue`,
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'empty', TagValue: '' }] })));
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [{ TagKey: 'empty', TagValue: '' }], 'Tags');
    },
  }),
];

export default cases;
