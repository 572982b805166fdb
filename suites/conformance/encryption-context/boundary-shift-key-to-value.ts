import { mismatchCase } from './_support.js';

/** kms-facts.md: {"ab":"c"} and {"a":"bc"} are different contexts (never plain concatenation). */
export default mismatchCase({
  behaviour: 'boundary-shift-key-to-value',
  title: 'Decrypt refuses {a:"bc"} for a blob sealed under {ab:"c"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { ab: 'c' },
  openedWith: { a: 'bc' },
});
