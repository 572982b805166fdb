import { mismatchCase } from './_support.js';

/** Catches encoders that build JSON text by pasting strings in without escaping quotes. */
export default mismatchCase({
  behaviour: 'collision-json-injection',
  title: 'Decrypt refuses {a:"b", c:"d"} for a blob sealed under {a:\'b","c":"d\'}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { a: 'b","c":"d' },
  openedWith: { a: 'b', c: 'd' },
});
