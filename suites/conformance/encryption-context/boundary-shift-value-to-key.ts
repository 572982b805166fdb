import { mismatchCase } from './_support.js';

/** kms-facts.md: {"ab":"c"} and {"a":"bc"} are different contexts (never plain concatenation). */
export default mismatchCase({
  behaviour: 'boundary-shift-value-to-key',
  title: 'Decrypt refuses {ab:"c"} for a blob sealed under {a:"bc"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { a: 'bc' },
  openedWith: { ab: 'c' },
});
