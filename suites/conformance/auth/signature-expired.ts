/**
 * SigV4 timestamps more than 5 minutes from the service's clock are refused (IAM user guide, "AWS
 * API request signing": a request must reach AWS within five minutes of its time stamp; facts
 * sheet; aws-observed.md P2). KMS answers InvalidSignatureException "Signature expired", not the
 * RequestExpired of the generic Common Errors list (15 minutes, another code).
 */
import { defineCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { minutesFromNow, sendSigned, signedRequest } from '../_lib/signing.js';
import { recorded } from '../_lib/sources.js';

const STAMP = '\\d{8}T\\d{6}Z';

export default defineCase({
  id: 'auth.signature-expired',
  title: 'A request signed 20 minutes ago: InvalidSignatureException "Signature expired: <t> is now earlier than ... - 5 min.)"',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html',
  source: recorded('spec/aws-observed.md §10 P2 (aws/aws-sdk-js-v3#6400, KMS Encrypt/Decrypt)', { verifiedAt: '2024-08-21' }),
  tags: ['auth'],
  ops: ['ListKeys'],
  async run(t) {
    // P2: recorded for KMS Encrypt/Decrypt (aws/aws-sdk-js-v3#6400).
    const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', signingDate: minutesFromNow(-20) });
    expectRawError(
      t,
      await sendSigned(t, req),
      { status: 400, code: 'InvalidSignatureException', message: new RegExp(`^Signature expired: ${STAMP} is now earlier than ${STAMP} \\(${STAMP} - 5 min\\.\\)$`) },
      'the stale request',
    );
  },
});
