/**
 * A request that does not match its SigV4 signature is refused with InvalidSignatureException,
 * HTTP 400 (facts sheet "Wire protocol"; aws-observed.md P5 gives the Coral wording from Secrets
 * Manager, not recorded for KMS: code and status only). Each alteration is its own case.
 */
import { signedRequest, withBrokenSignature } from '../_lib/signing.js';
import { mismatch } from './_tampered-requests.js';

export default mismatch(
  'changed-signature',
  'a Signature with one hex digit changed',
  async (t) => withBrokenSignature(await signedRequest(t, { operation: 'ListKeys', body: '{}' })),
  {
    kind: 'inferred',
    cite: 'spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS',
    verifiedAt: '2026-12-07',
  },
);
