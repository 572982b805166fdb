/**
 * A request that does not match its SigV4 signature is refused with InvalidSignatureException,
 * HTTP 400 (facts sheet "Wire protocol"; aws-observed.md P5 gives the Coral wording from Secrets
 * Manager, not recorded for KMS: code and status only). Each alteration is its own case.
 */
import { signedRequest } from '../_lib/signing.js';
import { mismatch } from './_tampered-requests.js';

export default mismatch(
  'wrong-secret',
  'a signature made with the right access key id and a wrong secret',
  (t) => signedRequest(t, { operation: 'ListKeys', body: '{}', credentials: { secretAccessKey: 'kmsbench-wrong-secret-key-0000000000000000' } }),
  {
    kind: 'inferred',
    cite: 'spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS',
    verifiedAt: '2026-12-07',
  },
);
