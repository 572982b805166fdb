import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged('garbage', 'random bytes that never came from KMS', () => Buffer.from('kmsbench: definitely not a KMS ciphertext blob, honestly!!', 'utf8'));
