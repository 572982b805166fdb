import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged('truncated-last-byte', 'a real ciphertext missing its last byte', (blob) => blob.subarray(0, blob.length - 1), {
  kind: 'documented',
  cite: 'service model: InvalidCiphertextException; the bare reply: spec/aws-observed.md §5 C2, C3',
  verifiedAt: '2026-12-07',
});
