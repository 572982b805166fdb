import { damaged } from './_decrypt-invalid-ciphertext.js';
import { recorded } from '../_lib/sources.js';

export default damaged('truncated-header', 'only the first 20 bytes of a real ciphertext (C2)', (blob) => blob.subarray(0, 20), recorded('spec/aws-observed.md §5 C2', { verifiedAt: '2025-09-22' }));
