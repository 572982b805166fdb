import { mismatchCase } from './_support.js';

/** Catches encoders that concatenate all keys, then all values: "ac"+"bd" either way. */
export default mismatchCase({
  behaviour: 'collision-keys-then-values',
  title: 'Decrypt refuses {ac:"bd"} for a blob sealed under {a:"b", c:"d"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { a: 'b', c: 'd' },
  openedWith: { ac: 'bd' },
});
