import { defineCase } from '../../../harness/conformance/case.js';
import { expectGenerateRandomResult } from '../_lib/wire-results.js';
import { expectRequestId, HEADERS_DOC } from './_replies.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'protocol.request-id-on-success',
  title: 'A successful reply has a non-empty x-amzn-RequestId header',
  doc: HEADERS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples (x-amzn-RequestId in the HTTP example; spec/aws-observed.md §0)'),
  tags: ['protocol'],
  ops: ['GenerateRandom'],
  async run(t) {
    const reply = await t.raw('GenerateRandom', { NumberOfBytes: 8 });
    // A successful reply: the GenerateRandom result, not only a 200.
    expectGenerateRandomResult(t, reply, 8);
    expectRequestId(t, reply);
  },
});
