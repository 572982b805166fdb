import { signedRequest } from '../_lib/signing.js';
import { mismatch, header } from './_tampered-requests.js';
import { inferred } from '../_lib/sources.js';

export default mismatch(
  'changed-target',
  'X-Amz-Target changed after signing (ListKeys to GenerateRandom)',
  async (t) => {
    const req = await signedRequest(t, { operation: 'ListKeys', body: '{"NumberOfBytes":16}' });
    return { ...req, headers: { ...req.headers, [header(req, 'x-amz-target')]: 'TrentService.GenerateRandom' } };
  },
  inferred('spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS'),
);
