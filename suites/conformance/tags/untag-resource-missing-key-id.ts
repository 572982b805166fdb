/** UntagResource without its required KeyId is refused before any key is looked up (MODEL UntagResourceRequest KeyId required). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.untag-resource-missing-key-id',
  title: 'UntagResource without the required KeyId is refused with ValidationException (HTTP 400)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#KMS-UntagResource-request-KeyId',
  source: inferred('service model: UntagResourceRequest KeyId is required; a missing required member is ValidationException on AWS (recorded for GenerateRandom NumberOfBytes: spec/aws-observed.md §6.1 V2); wording for KeyId not recorded: code only'),
  tags: ['tags'],
  ops: ['UntagResource'],
  async run(t) {
    expectRawError(t, await t.raw('UntagResource', { TagKeys: ['a'] }), { status: 400, code: 'ValidationException' }, 'UntagResource');
  },
});
