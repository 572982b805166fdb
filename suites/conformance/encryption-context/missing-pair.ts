import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'missing-pair',
  title: 'Decrypt refuses a subset of the sealing context (one of two pairs left out)',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { purpose: 'conformance', tenant: 't-0001' },
  openedWith: { purpose: 'conformance' },
});
