import { mismatchCase } from './_support.js';

export default mismatchCase({
  behaviour: 'different-key',
  title: 'Decrypt refuses the same value under a different key',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { tenant: 'shared-value' },
  openedWith: { project: 'shared-value' },
});
