import { mismatchCase } from './_support.js';

/** Concatenation collision: "a"+"b"+"c"+"d" == "ab"+"cd". */
export default mismatchCase({
  behaviour: 'collision-pairs-vs-merged-pair',
  title: 'Decrypt refuses {ab:"cd"} for a blob sealed under {a:"b", c:"d"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { a: 'b', c: 'd' },
  openedWith: { ab: 'cd' },
});
