import { signedRequest, withBrokenSignature } from '../_lib/signing.js';
import { mismatch } from './_tampered-requests.js';
import { inferred } from '../_lib/sources.js';

export default mismatch(
  'changed-signature',
  'a Signature with one hex digit changed',
  async (t) => withBrokenSignature(await signedRequest(t, { operation: 'ListKeys', body: '{}' })),
  inferred('spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS'),
);
