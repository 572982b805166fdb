import { recorded } from '../_lib/asymmetric.js';
import { responseMembersCase, SIGNATURE } from '../_lib/mac-and-signature.js';

export default responseMembersCase(SIGNATURE, 'make', {
  title: 'Sign answers exactly KeyId (key ARN), Signature and SigningAlgorithm',
  source: recorded('spec/aws-observed.md §4.2 (Sign: KeyId (ARN), Signature, SigningAlgorithm; LS-SNAP test_import_key_ecc_keys)'),
  key: { spec: 'ECC_NIST_P256', alg: 'ECDSA_SHA_256' },
  messageBytes: 20,
});
