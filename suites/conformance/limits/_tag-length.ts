/**
 * Tag keys are 1..128 characters, values 0..256 (facts sheet; MODEL TagKeyType/TagValueType);
 * over-long ones are ValidationException naming the list position (aws-observed.md V17, V18).
 *
 * Shared by the tag length cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { ListResourceTagsCommand, TagResourceCommand, type Tag } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { refused, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

type Member = 'TagKey' | 'TagValue';

const slug = (member: Member) => (member === 'TagKey' ? 'tag-key' : 'tag-value');
const doc = (member: Member) => `https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-${member}`;

/** TagResource accepts `tag` (whose `member` is `length` characters long) and ListResourceTags lists it as sent. */
export const tagAccepted = (o: { member: Member; length: number; tag: Required<Tag>; title: string; cite: string }): ConformanceCase =>
  defineCase({
    id: `limits.${slug(o.member)}-${o.length === 0 ? 'empty' : `${o.length}-characters`}`,
    title: o.title,
    doc: doc(o.member),
    source: documented(o.cite),
    tags: ['limits', 'tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await givenKey(t);
      await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [o.tag] })));
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [o.tag], 'Tags');
    },
  });

/** CreateKey refuses a tag whose `member` is one character over `max`, in AWS's recorded wording. */
export const tagTooLong = (o: { member: Member; max: number; tag: Required<Tag>; title: string; source: CaseSource }): ConformanceCase =>
  defineCase({
    id: `limits.${slug(o.member)}-${o.max + 1}-characters`,
    title: o.title,
    doc: doc(o.member),
    source: o.source,
    tags: ['limits', 'tags'],
    ops: ['CreateKey'],
    async run(t) {
      const long = o.tag[o.member];
      const wire = o.member === 'TagKey' ? 'tagKey' : 'tagValue';
      const r = await refused(t, t.createKey({ Tags: [o.tag] }), 'CreateKey');
      t.expectEqual(
        r,
        {
          code: 'ValidationException',
          status: 400,
          message: `1 validation error detected: Value '${long}' at 'tags.1.member.${wire}' failed to satisfy constraint: Member must have length less than or equal to ${o.max}`,
        },
        'refusal',
      );
    },
  });
