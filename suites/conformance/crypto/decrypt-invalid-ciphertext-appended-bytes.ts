import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged('appended-bytes', 'a real ciphertext with bytes appended (C3)', (blob) => Buffer.concat([blob, Buffer.from('garbage')]), {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §5 C3',
  verifiedAt: '2026-12-07',
});
