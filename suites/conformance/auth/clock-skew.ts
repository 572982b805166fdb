/**
 * SigV4 timestamps more than 5 minutes from the service's clock are refused (facts sheet; aws-observed.md P2).
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { minutesFromNow, sendSigned, signedRequest } from '../_lib/signing.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-RequestExpired';
const STAMP = '\\d{8}T\\d{6}Z';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'auth.signature-expired',
    title: 'A request signed 20 minutes ago: InvalidSignatureException "Signature expired: <t> is now earlier than ... - 5 min.)"',
    doc: DOC,
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
  }),
  defineCase({
    id: 'auth.signature-not-yet-current',
    title: 'A request signed 20 minutes in the future is refused with InvalidSignatureException',
    doc: DOC,
    tags: ['auth'],
    ops: ['ListKeys'],
    async run(t) {
      // P2: the "Signature not yet current" wording is recorded on Kinesis only: code and status.
      const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', signingDate: minutesFromNow(20) });
      expectRawError(t, await sendSigned(t, req), { status: 400, code: 'InvalidSignatureException' }, 'the early request');
    },
  }),
  defineCase({
    id: 'auth.signature-within-skew',
    title: 'A request signed 2 minutes ago is still accepted (the allowed skew is 5 minutes)',
    doc: DOC,
    tags: ['auth'],
    ops: ['ListKeys'],
    async run(t) {
      const req = await signedRequest(t, { operation: 'ListKeys', body: '{}', signingDate: minutesFromNow(-2) });
      const reply = await sendSigned(t, req);
      t.expectEqual(reply.status, 200, 'HTTP status');
    },
  }),
];

export default cases;
