/**
 * The SigV4 credential scope must name service "kms" and the endpoint's Region (facts sheet:
 * "service name kms, region from the credential scope"); otherwise InvalidSignatureException.
 * AWS's wording ("Credential should be scoped to correct service: 'kms'. ") is recorded for other
 * services only: code and status.
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError, otherRegion } from '../_lib/support.js';
import { sendSigned, signedRequest } from '../_lib/signing.js';

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html#signature-v4-troubleshooting-credential';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'auth.credential-scope-wrong-service',
    title: 'A request signed for service "sqs" instead of "kms" is refused with InvalidSignatureException',
    doc: DOC,
    tags: ['auth'],
    ops: ['ListKeys'],
    async run(t) {
      const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', service: 'sqs' });
      expectRawError(t, await sendSigned(t, req), { status: 400, code: 'InvalidSignatureException' }, 'the request');
    },
  }),
  defineCase({
    id: 'auth.credential-scope-wrong-region',
    title: "A request signed for another Region than the endpoint's is refused with InvalidSignatureException",
    doc: DOC,
    tags: ['auth'],
    ops: ['ListKeys'],
    async run(t) {
      const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', region: otherRegion(t) });
      expectRawError(t, await sendSigned(t, req), { status: 400, code: 'InvalidSignatureException' }, 'the request');
    },
  }),
  defineCase({
    id: 'auth.own-signature-accepted',
    title: 'The same request signed correctly by hand is accepted (the cases above fail for their one change only)',
    doc: DOC,
    tags: ['auth'],
    ops: ['ListKeys'],
    async run(t) {
      const reply = await sendSigned(t, await signedRequest(t, { operation: 'ListKeys', body: '{}' }));
      t.expectEqual(reply.status, 200, 'HTTP status');
    },
  }),
];

export default cases;
