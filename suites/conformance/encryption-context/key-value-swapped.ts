import { mismatchCase } from './_support.js';

/** Catches encoders that treat a pair as an unordered set of two strings. */
export default mismatchCase({
  behaviour: 'key-value-swapped',
  title: 'Decrypt refuses a pair whose key and value are swapped ({a:b} vs {b:a})',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { alpha: 'bravo' },
  openedWith: { bravo: 'alpha' },
});
