import { mismatchCase } from './_support.js';

/** The key/value boundary moved by several characters in longer, realistic strings. */
export default mismatchCase({
  behaviour: 'boundary-long-shift',
  title: 'Decrypt refuses {tenantacme:"-corp-eu"} for a blob sealed under {tenant:"acme-corp-eu"}',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-EncryptionContext (an exact, case-sensitive match); the bare reply: spec/aws-observed.md §5 C1',
    verifiedAt: '2026-12-07',
  },
  sealedWith: { tenant: 'acme-corp-eu' },
  openedWith: { tenantacme: '-corp-eu' },
});
