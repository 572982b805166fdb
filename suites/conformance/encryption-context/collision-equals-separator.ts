import { mismatchCase } from './_support.js';

/** Catches "key=value" encoders without escaping: "a=b" + "=" + "c" == "a" + "=" + "b=c". */
export default mismatchCase({
  behaviour: 'collision-equals-separator',
  title: 'Decrypt refuses {a:"b=c"} for a blob sealed under {"a=b":"c"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { 'a=b': 'c' },
  openedWith: { a: 'b=c' },
});
