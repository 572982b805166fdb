import { defineCase } from '../../../harness/conformance/case.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.describe-key-empty-key-id',
  title: 'DescribeKey refuses an empty KeyId (model: KeyId length 1..2048) with ValidationException or NotFoundException, HTTP 400',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#KMS-DescribeKey-request-KeyId',
  source: inferred('service model: KeyIdType (min length 1: ValidationException) and DescribeKey errors (NotFoundException, as AWS answers other malformed ids, spec/aws-observed.md §1 N4-N6); AWS\'s answer to "" is not recorded: either code'),
  tags: ['semantics', 'limits'],
  ops: ['DescribeKey'],
  async run(t) {
    // Sent raw: SDKs may refuse an empty required string before sending. AWS's answer is not
    // recorded: the length constraint gives ValidationException, while AWS answers other malformed
    // ids with NotFoundException "Invalid keyId" (aws-observed.md N4-N6). Either passes.
    const reply = await t.raw('DescribeKey', { KeyId: '' });
    t.check(['ValidationException', 'NotFoundException'].includes(reply.errorCode ?? ''), 'refused with ValidationException or NotFoundException', reply.errorCode);
    t.expectEqual(reply.status, 400, 'HTTP status');
  },
});
