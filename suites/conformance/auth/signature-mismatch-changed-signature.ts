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
