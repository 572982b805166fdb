import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawOk } from '../_lib/support.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'protocol.empty-body-is-empty-input',
  title: 'A signed ListKeys call with an empty body is taken as {} and answered with the key list',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html#API_ListKeys_RequestSyntax',
  source: inferred('Smithy AWS JSON protocol tests (AwsJson10MustAlwaysSendEmptyJsonPayload: services accept no payload as {}); not recorded for KMS'),
  tags: ['protocol'],
  ops: ['ListKeys'],
  async run(t) {
    // Smithy's AWS JSON protocol tests: "AWS service implementations support requests with no payload
    // or requests that send {}" (AwsJson10MustAlwaysSendEmptyJsonPayload); ListKeys has only optional members.
    const body = expectRawOk<{ Keys?: unknown; Truncated?: unknown }>(t, await t.raw('ListKeys', ''), 'ListKeys');
    t.check(Array.isArray(body.Keys) && typeof body.Truncated === 'boolean', 'the reply is a ListKeys result', body);
  },
});
