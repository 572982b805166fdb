import { signedRequest } from '../_lib/signing.js';
import { mismatch, header } from './_tampered-requests.js';
import { inferred } from '../_lib/sources.js';

export default mismatch(
  'changed-date',
  'an X-Amz-Date moved one second after signing',
  async (t) => {
    const req = await signedRequest(t, { operation: 'ListKeys', body: '{}' });
    const name = header(req, 'x-amz-date');
    const d = req.headers[name]!;
    const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`;
    const moved = new Date(Date.parse(iso) + 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
    return { ...req, headers: { ...req.headers, [name]: moved } };
  },
  inferred('spec/aws-observed.md §10 P5: InvalidSignatureException recorded for Secrets Manager (same JSON 1.1 stack), not KMS'),
);
