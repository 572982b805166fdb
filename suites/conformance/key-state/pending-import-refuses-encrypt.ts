/**
 * Key state × symmetric cryptographic operation (kms-facts.md "Key states"; aws-observed.md §2.2):
 * Disabled → DisabledException "<arn> is disabled."; PendingImport → KMSInvalidStateException
 * "<arn> is pending import." (Decrypt and ReEncrypt-from need a ciphertext, which a key that never
 * had material cannot have). PendingDeletion is in deletion/crypto-refused.ts.
 */
import { cryptoRefusalCase, STATES } from './_support.js';

export default cryptoRefusalCase('key-state', 'key-state', STATES.PendingImport, 'encrypt', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §2.3 S1',
  verifiedAt: '2024-01-24',
});
