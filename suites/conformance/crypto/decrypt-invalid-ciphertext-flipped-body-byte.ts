import { damaged } from './_decrypt-invalid-ciphertext.js';

export default damaged(
  'flipped-body-byte',
  'a real ciphertext with one bit flipped 20 bytes before its end',
  (blob) => {
    const bad = Buffer.from(blob);
    bad[bad.length - 20]! ^= 0x80;
    return bad;
  },
  {
    kind: 'documented',
    cite: 'service model: InvalidCiphertextException; the bare reply: spec/aws-observed.md §5 C2, C3',
    verifiedAt: '2026-12-07',
  },
);
