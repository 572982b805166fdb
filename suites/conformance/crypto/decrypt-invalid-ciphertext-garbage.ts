import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged('garbage', 'random bytes that never came from KMS', () => Buffer.from('kmsbench: definitely not a KMS ciphertext blob, honestly!!', 'utf8'), {
  kind: 'documented',
  cite: 'service model: InvalidCiphertextException; the bare reply: spec/aws-observed.md §5 C2, C3',
  verifiedAt: '2026-12-07',
});
