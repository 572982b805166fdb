/**
 * Every reply carries x-amzn-RequestId and Content-Type application/x-amz-json-1.1, successes
 * and errors alike (facts sheet "Wire protocol"; aws-observed.md §0, AWS's GetKeyPolicy example).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'protocol.request-ids-differ',
  title: 'Two requests get two different request ids',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples',
  source: inferred('a request id identifies one request (API reference GetKeyPolicy example); uniqueness not recorded'),
  tags: ['protocol'],
  ops: ['GenerateRandom'],
  async run(t) {
    const [a, b] = await Promise.all([t.raw('GenerateRandom', { NumberOfBytes: 8 }), t.raw('GenerateRandom', { NumberOfBytes: 8 })]);
    t.check(a.headers['x-amzn-requestid'] !== b.headers['x-amzn-requestid'], 'the request ids differ', [a.headers['x-amzn-requestid'], b.headers['x-amzn-requestid']]);
  },
});
