import { documented } from '../_lib/asymmetric.js';
import { dataKeyPairMembersCase } from './_support.js';

export default dataKeyPairMembersCase(false, 'ECC_NIST_P384', {
  title: 'GenerateDataKeyPairWithoutPlaintext answers PrivateKeyCiphertextBlob, PublicKey, KeyId (ARN), KeyPairSpec and no PrivateKeyPlaintext',
  source: documented('service model: GenerateDataKeyPairWithoutPlaintextResponse; spec/aws-observed.md §4.2'),
});
