/** ListResourceTags without its required KeyId is refused before any key is looked up (MODEL ListResourceTagsRequest KeyId required). */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.list-resource-tags-missing-key-id',
  title: 'ListResourceTags without the required KeyId is refused with ValidationException (HTTP 400)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#KMS-ListResourceTags-request-KeyId',
  source: inferred('service model: ListResourceTagsRequest KeyId is required; a missing required member is ValidationException on AWS (recorded for GenerateRandom NumberOfBytes: spec/aws-observed.md §6.1 V2); wording for KeyId not recorded: code only'),
  tags: ['tags'],
  ops: ['ListResourceTags'],
  async run(t) {
    expectRawError(t, await t.raw('ListResourceTags', {}), { status: 400, code: 'ValidationException' }, 'ListResourceTags');
  },
});
