import { signedRequest } from '../_lib/signing.js';
import { mismatch } from './_tampered-requests.js';
import { inferred } from '../_lib/sources.js';

export default mismatch(
  'changed-body',
  'a body changed after signing (NumberOfBytes 16 to 32)',
  async (t) => ({ ...(await signedRequest(t, { operation: 'GenerateRandom', body: '{"NumberOfBytes":16}' })), body: '{"NumberOfBytes":32}' }),
  inferred('spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS'),
);
