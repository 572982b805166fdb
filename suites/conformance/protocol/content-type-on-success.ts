import { defineCase } from '../../../harness/conformance/case.js';
import { expectGenerateRandomResult } from '../_lib/wire-results.js';
import { expectJsonContentType, HEADERS_DOC } from './_replies.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'protocol.content-type-on-success',
  title: 'A successful reply is Content-Type application/x-amz-json-1.1 with a JSON object body',
  doc: HEADERS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples (Content-Type: application/x-amz-json-1.1; spec/aws-observed.md §0)'),
  tags: ['protocol'],
  ops: ['GenerateRandom'],
  async run(t) {
    const reply = await t.raw('GenerateRandom', { NumberOfBytes: 8 });
    t.expectEqual(reply.status, 200, 'HTTP status');
    expectJsonContentType(t, reply);
    // The JSON object is the GenerateRandom result, not any object.
    expectGenerateRandomResult(t, reply, 8);
  },
});
