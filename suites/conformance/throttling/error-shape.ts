import { defineCase } from '../../../harness/conformance/case.js';
import { listKeyPoliciesBurst, THROTTLING_DOC, THROTTLING_MESSAGE } from './_burst.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'throttling.error-shape',
  title: 'A throttled call gets HTTP 400, __type ThrottlingException, AWS\'s message and a request id',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html',
  source: recorded('spec/aws-observed.md §10 P1 (raw body {"__type":"ThrottlingException","message":…}, hyperlane-xyz/hyperlane-monorepo#2391)'),
  tags: ['throttling', 'protocol'],
  ops: ['CreateKey', 'ListKeyPolicies'],
  needs: ['low-quota'],
  flags: ['destructive'],
  async run(t) {
    void THROTTLING_DOC;
    const key = await givenKey(t);
    const replies = await listKeyPoliciesBurst(t, key.KeyId);
    const throttled = replies.find((r) => r.errorCode === 'ThrottlingException');
    if (!throttled) return t.check(false, 'some call of the burst is throttled');
    t.expectEqual(throttled.status, 400, 'HTTP status');
    t.expectEqual(throttled.json, { __type: 'ThrottlingException', message: THROTTLING_MESSAGE }, 'error body');
    t.check(Boolean(throttled.headers['x-amzn-requestid']), 'x-amzn-RequestId header present', throttled.headers);
  },
});
