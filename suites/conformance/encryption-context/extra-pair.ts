import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'extra-pair',
  title: 'Decrypt refuses the sealing context plus one extra pair',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { purpose: 'conformance' },
  openedWith: { purpose: 'conformance', tenant: 't-0001' },
});
