/**
 * Every reply carries x-amzn-RequestId and Content-Type application/x-amz-json-1.1, successes
 * and errors alike (facts sheet "Wire protocol"; aws-observed.md §0, AWS's GetKeyPolicy example).
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { absentKeyId } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'protocol.request-id-on-success',
    title: 'A successful reply has a non-empty x-amzn-RequestId header',
    doc: DOC,
    tags: ['protocol'],
    ops: ['GenerateRandom'],
    async run(t) {
      const reply = await t.raw('GenerateRandom', { NumberOfBytes: 8 });
      t.expectEqual(reply.status, 200, 'HTTP status');
      t.check((reply.headers['x-amzn-requestid'] ?? '').length > 0, 'x-amzn-RequestId is present', reply.headers);
    },
  }),
  defineCase({
    id: 'protocol.request-id-on-error',
    title: 'An error reply has a non-empty x-amzn-RequestId header too',
    doc: DOC,
    tags: ['protocol'],
    ops: ['DescribeKey'],
    async run(t) {
      const reply = await t.raw('DescribeKey', { KeyId: absentKeyId() });
      t.expectEqual(reply.status, 400, 'HTTP status');
      t.check((reply.headers['x-amzn-requestid'] ?? '').length > 0, 'x-amzn-RequestId is present', reply.headers);
    },
  }),
  defineCase({
    id: 'protocol.request-ids-differ',
    title: 'Two requests get two different request ids',
    doc: DOC,
    tags: ['protocol'],
    ops: ['GenerateRandom'],
    async run(t) {
      const [a, b] = await Promise.all([t.raw('GenerateRandom', { NumberOfBytes: 8 }), t.raw('GenerateRandom', { NumberOfBytes: 8 })]);
      t.check(a.headers['x-amzn-requestid'] !== b.headers['x-amzn-requestid'], 'the request ids differ', [a.headers['x-amzn-requestid'], b.headers['x-amzn-requestid']]);
    },
  }),
  defineCase({
    id: 'protocol.content-type-on-success',
    title: 'A successful reply is Content-Type application/x-amz-json-1.1 with a JSON object body',
    doc: DOC,
    tags: ['protocol'],
    ops: ['GenerateRandom'],
    async run(t) {
      const reply = await t.raw('GenerateRandom', { NumberOfBytes: 8 });
      t.expectEqual(reply.status, 200, 'HTTP status');
      t.expectEqual((reply.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(), 'application/x-amz-json-1.1', 'Content-Type');
      t.check(typeof reply.json === 'object' && reply.json !== null && !Array.isArray(reply.json), 'the body is a JSON object', reply.text.slice(0, 200));
    },
  }),
  defineCase({
    id: 'protocol.content-type-on-error',
    title: 'An error reply is Content-Type application/x-amz-json-1.1 too',
    doc: DOC,
    tags: ['protocol'],
    ops: ['DescribeKey'],
    async run(t) {
      const reply = await t.raw('DescribeKey', { KeyId: absentKeyId() });
      t.expectEqual(reply.status, 400, 'HTTP status');
      t.expectEqual((reply.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(), 'application/x-amz-json-1.1', 'Content-Type');
    },
  }),
];

export default cases;
