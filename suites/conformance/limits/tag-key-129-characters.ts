/**
 * Tag keys are 1..128 characters, values 0..256 (facts sheet; MODEL TagKeyType/TagValueType);
 * over-long ones are ValidationException naming the list position (aws-observed.md V17, V18).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'limits.tag-key-129-characters',
  title: "CreateKey refuses a 129-character tag key: Value '<key>' at 'tags.1.member.tagKey' ... less than or equal to 128 (V18)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagKey',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.1 V18 (LS-SNAP test_create_key_with_invalid_tag_key[too_long_key])',
    verifiedAt: '2026-12-07',
  },
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
});
