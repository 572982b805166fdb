/**
 * SigV4 timestamps more than 5 minutes from the service's clock are refused (facts sheet; aws-observed.md P2).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { minutesFromNow, sendSigned, signedRequest } from '../_lib/signing.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'auth.signature-not-yet-current',
  title: 'A request signed 20 minutes in the future is refused with InvalidSignatureException',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html',
  source: inferred('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html (a request must reach AWS within five minutes of its time stamp); the "not yet current" answer is recorded on Kinesis only (spec/aws-observed.md §10 P2): code by analogy'),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    // P2: the "Signature not yet current" wording is recorded on Kinesis only: code and status.
    const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', signingDate: minutesFromNow(20) });
    expectRawError(t, await sendSigned(t, req), { status: 400, code: 'InvalidSignatureException' }, 'the early request');
  },
});
