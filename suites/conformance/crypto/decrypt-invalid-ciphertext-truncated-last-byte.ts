import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged('truncated-last-byte', 'a real ciphertext missing its last byte', (blob) => blob.subarray(0, blob.length - 1));
