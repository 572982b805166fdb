/**
 * Tag keys are 1..128 characters, values 0..256 (facts sheet; MODEL TagKeyType/TagValueType);
 * over-long ones are ValidationException naming the list position (aws-observed.md V17, V18).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { refused } from '../_lib/support.js';

export default defineCase({
  id: 'limits.tag-value-257-characters',
  title: "CreateKey refuses a 257-character tag value: Value '<value>' at 'tags.1.member.tagValue' ... 256 (V17)",
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagValue',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.1 V17 (LS-SNAP test_key_with_long_tag_value_raises_error)',
    verifiedAt: '2026-12-07',
  },
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
});
