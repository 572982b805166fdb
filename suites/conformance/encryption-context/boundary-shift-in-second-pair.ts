import { mismatchCase } from './_support.js';

/** The shifted boundary is in the second of two pairs; the first pair is identical. */
export default mismatchCase({
  behaviour: 'boundary-shift-in-second-pair',
  title: 'Decrypt refuses a context whose second pair splits differently ({x:"1", ab:"c"} vs {x:"1", a:"bc"})',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { x: '1', ab: 'c' },
  openedWith: { x: '1', a: 'bc' },
});
