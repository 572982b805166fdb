/** CreateKey with the same TagKey twice: TagException (MODEL CreateKey errors; AWS's TagResource answer recorded, aws-observed.md §6.3). */
import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyRaw, expectRawError } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.create-key-duplicate-tag-keys',
  title: 'CreateKey with the same TagKey twice is refused with TagException and creates no key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#API_CreateKey_Errors',
  source: inferred('service model: CreateKey errors (TagException: "one or more tags are not valid"); TagResource with a duplicate TagKey is recorded as TagException "Duplicate tag keys" (spec/aws-observed.md §6.3); for CreateKey no capture: code only'),
  tags: ['tags'],
  ops: ['CreateKey'],
  async run(t) {
    const reply = await createKeyRaw(t, { Tags: [{ TagKey: 'dup', TagValue: '1' }, { TagKey: 'dup', TagValue: '2' }] });
    expectRawError(t, reply, { status: 400, code: 'TagException' }, 'CreateKey');
  },
});
