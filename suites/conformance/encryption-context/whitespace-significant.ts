import { mismatchCase } from './_support.js';

/** No trimming: a trailing space is part of the value. */
export default mismatchCase({
  behaviour: 'whitespace-significant',
  title: 'Decrypt refuses a value that differs only by a trailing space',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { purpose: 'conformance' },
  openedWith: { purpose: 'conformance ' },
});
