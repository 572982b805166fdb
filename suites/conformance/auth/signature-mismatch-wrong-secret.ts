import { signedRequest } from '../_lib/signing.js';
import { mismatch } from './_tampered-requests.js';
import { inferred } from '../_lib/sources.js';

export default mismatch(
  'wrong-secret',
  'a signature made with the right access key id and a wrong secret',
  (t) => signedRequest(t, { operation: 'ListKeys', body: '{}', credentials: { secretAccessKey: 'kmsbench-wrong-secret-key-0000000000000000' } }),
  inferred('spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS'),
);
