import { mismatchCase } from './_support.js';

/** API reference: "the same (an exact case-sensitive match) encryption context". */
export default mismatchCase({
  behaviour: 'case-sensitive-key',
  title: 'Decrypt refuses a key that differs only in letter case',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { Purpose: 'conformance' },
  openedWith: { purpose: 'conformance' },
});
