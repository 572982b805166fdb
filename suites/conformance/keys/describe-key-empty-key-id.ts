import { defineCase } from '../../../harness/conformance/case.js';

export default defineCase({
  id: 'keys.describe-key-empty-key-id',
  title: 'DescribeKey refuses an empty KeyId with ValidationException (model: KeyId length 1..2048)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#KMS-DescribeKey-request-KeyId',
  source: {
    kind: 'inferred',
    cite: 'service model: KeyIdType (min length 1: ValidationException) and DescribeKey errors (NotFoundException, as AWS answers other malformed ids, spec/aws-observed.md §1 N4-N6); AWS\'s answer to "" is not recorded: either code',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics', 'limits'],
  ops: ['DescribeKey'],
  async run(t) {
    // Sent raw: SDKs may refuse an empty required string before sending.
    const reply = await t.raw('DescribeKey', { KeyId: '' });
    t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
  },
});
