/**
 * The SigV4 credential scope must name service "kms" and the endpoint's Region (facts sheet:
 * "service name kms, region from the credential scope"); otherwise InvalidSignatureException.
 * AWS's wording ("Credential should be scoped to correct service: 'kms'. ") is recorded for other
 * services only: code and status.
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { sendSigned, signedRequest } from '../_lib/signing.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'auth.credential-scope-wrong-service',
  title: 'A request signed for service "sqs" instead of "kms" is refused with InvalidSignatureException',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html#signature-v4-troubleshooting-credential',
  source: inferred('spec/aws-observed.md §10 and spec/kms-facts.md "Wire protocol" (scope must name kms); InvalidSignatureException for KMS not recorded (P5 is Secrets Manager)'),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', service: 'sqs' });
    expectRawError(t, await sendSigned(t, req), { status: 400, code: 'InvalidSignatureException' }, 'the request');
  },
});
