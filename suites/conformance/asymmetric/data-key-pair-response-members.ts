import { recorded } from '../_lib/asymmetric.js';
import { dataKeyPairMembersCase } from './_support.js';

export default dataKeyPairMembersCase(true, 'ECC_NIST_P256', {
  title: 'GenerateDataKeyPair answers PrivateKeyCiphertextBlob, PrivateKeyPlaintext, PublicKey, KeyId (ARN) and KeyPairSpec',
  source: recorded('spec/aws-observed.md §4.2 (GenerateDataKeyPair members, LS-SNAP)'),
});
