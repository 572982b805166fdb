/**
 * A ciphertext blob that is not one KMS produced, or one that was damaged, is refused with
 * InvalidCiphertextException, HTTP 400, and no message member at all (aws-observed.md C2, C3:
 * AWS sends the bare code). Each damage is its own case.
 */
import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged('truncated-header', 'only the first 20 bytes of a real ciphertext (C2)', (blob) => blob.subarray(0, 20), {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §5 C2',
  verifiedAt: '2025-09-22',
});
