/**
 * Every reply carries x-amzn-RequestId and Content-Type application/x-amz-json-1.1, successes
 * and errors alike (facts sheet "Wire protocol"; aws-observed.md §0, AWS's GetKeyPolicy example).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';

export default defineCase({
  id: 'protocol.request-id-on-error',
  title: 'An error reply has a non-empty x-amzn-RequestId header too',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples',
  source: {
    kind: 'inferred',
    cite: 'request ids are shown on every KMS error in SDK traces (spec/aws-observed.md §10 X1); the header on an error reply is not recorded',
    verifiedAt: '2026-12-07',
  },
  tags: ['protocol'],
  ops: ['DescribeKey'],
  async run(t) {
    const reply = await t.raw('DescribeKey', { KeyId: absentKeyId() });
    t.expectEqual(reply.status, 400, 'HTTP status');
    t.check((reply.headers['x-amzn-requestid'] ?? '').length > 0, 'x-amzn-RequestId is present', reply.headers);
  },
});
