/**
 * Tag keys are 1..128 characters, values 0..256 (facts sheet; MODEL TagKeyType/TagValueType);
 * over-long ones are ValidationException naming the list position (aws-observed.md V17, V18).
 */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'limits.tag-value-256-characters',
  title: 'TagResource accepts a 256-character tag value',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagValue',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagValue (length 0..256)',
    verifiedAt: '2026-12-07',
  },
  tags: ['limits', 'tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t);
    const tag = { TagKey: 'long-value', TagValue: 'v'.repeat(256) };
    await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag] })));
    t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [tag], 'Tags');
  },
});
