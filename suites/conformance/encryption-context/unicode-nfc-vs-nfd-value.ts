import { mismatchCase } from './_support.js';

/** "café" precomposed (U+00E9) and decomposed (e + U+0301) are different strings: no normalisation. */
export default mismatchCase({
  behaviour: 'unicode-nfc-vs-nfd-value',
  title: 'Decrypt refuses the NFD form of a value sealed in NFC',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { place: 'caf\u00e9' },
  openedWith: { place: 'cafe\u0301' },
});
