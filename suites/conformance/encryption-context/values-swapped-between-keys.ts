import { mismatchCase } from './_support.js';

/** Catches encoders that sort keys and values independently of each other. */
export default mismatchCase({
  behaviour: 'values-swapped-between-keys',
  title: 'Decrypt refuses the same keys and values paired the other way round',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { k1: 'v1', k2: 'v2' },
  openedWith: { k1: 'v2', k2: 'v1' },
});
