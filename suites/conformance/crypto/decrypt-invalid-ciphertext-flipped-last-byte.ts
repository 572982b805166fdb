import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged(
  'flipped-last-byte',
  'a real ciphertext with one bit of its last byte flipped',
  (blob) => {
    const bad = Buffer.from(blob);
    bad[bad.length - 1]! ^= 0x01;
    return bad;
  },
  {
    kind: 'documented',
    cite: 'service model: InvalidCiphertextException; the bare reply: spec/aws-observed.md §5 C2, C3',
    verifiedAt: '2026-12-07',
  },
);
