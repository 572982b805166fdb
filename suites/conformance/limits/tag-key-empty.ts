/**
 * Tag keys are 1..128 characters, values 0..256 (facts sheet; MODEL TagKeyType/TagValueType);
 * over-long ones are ValidationException naming the list position (aws-observed.md V17, V18).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { rawUnthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.tag-key-empty',
  title: 'TagResource refuses an empty tag key with ValidationException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagKey',
  source: inferred('https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagKey (min 1); ValidationException as for the recorded maximum (spec/aws-observed.md §6.1 V18), not recorded'),
  tags: ['limits', 'tags'],
  ops: ['CreateKey', 'TagResource'],
  async run(t) {
    const key = await givenKey(t);
    const reply = await rawUnthrottled(t, 'TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: '', TagValue: 'v' }] });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
  },
});
