/**
 * The SigV4 credential scope must name service "kms" and the endpoint's Region (facts sheet:
 * "service name kms, region from the credential scope"); otherwise InvalidSignatureException.
 * AWS's wording ("Credential should be scoped to correct service: 'kms'. ") is recorded for other
 * services only: code and status.
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { sendSigned, signedRequest } from '../_lib/signing.js';
import { expectListKeysResult } from '../_lib/wire-results.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'auth.own-signature-accepted',
  title: 'The same request signed correctly by hand is accepted (the cases above fail for their one change only)',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html#signature-v4-troubleshooting-credential',
  source: documented('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html (Signature Version 4)'),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    const reply = await sendSigned(t, await signedRequest(t, { operation: 'ListKeys', body: '{}' }));
    // Accepted means answered with the ListKeys result, not only a 200.
    expectListKeysResult(t, reply);
  },
});
