import { mismatchCase } from './_support.js';

/** Catches "k=v,k=v" encoders without escaping: "a=b,c=d" either way. */
export default mismatchCase({
  behaviour: 'collision-pair-separator',
  title: 'Decrypt refuses {a:"b", c:"d"} for a blob sealed under {a:"b,c=d"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { a: 'b,c=d' },
  openedWith: { a: 'b', c: 'd' },
});
