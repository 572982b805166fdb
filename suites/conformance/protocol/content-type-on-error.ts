/**
 * Every reply carries x-amzn-RequestId and Content-Type application/x-amz-json-1.1, successes
 * and errors alike (facts sheet "Wire protocol"; aws-observed.md §0, AWS's GetKeyPolicy example).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';

export default defineCase({
  id: 'protocol.content-type-on-error',
  title: 'An error reply is Content-Type application/x-amz-json-1.1 too',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples',
  source: {
    kind: 'inferred',
    cite: 'the success example\'s Content-Type (spec/aws-observed.md §0); the header on an error reply is not recorded',
    verifiedAt: '2026-12-07',
  },
  tags: ['protocol'],
  ops: ['DescribeKey'],
  async run(t) {
    const reply = await t.raw('DescribeKey', { KeyId: absentKeyId() });
    t.expectEqual(reply.status, 400, 'HTTP status');
    t.expectEqual((reply.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(), 'application/x-amz-json-1.1', 'Content-Type');
  },
});
