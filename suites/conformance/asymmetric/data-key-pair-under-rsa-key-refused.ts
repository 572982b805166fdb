import { GenerateDataKeyPairCommand } from '@aws-sdk/client-kms';
import { documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.data-key-pair-under-rsa-key-refused',
  title: 'GenerateDataKeyPair under an RSA key is refused with InvalidKeyUsageException (the KMS key must be symmetric)',
  doc: requestDoc('GenerateDataKeyPair', 'KeyId'),
  source: documented('service model: GenerateDataKeyPairRequest.KeyId ("Specifies the symmetric encryption KMS key") and errors (InvalidKeyUsageException); message not recorded'),
  tags: ['asymmetric'],
  ops: ['GenerateDataKeyPair'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' })),
  expected: () => ({ code: 'InvalidKeyUsageException', status: 400 }),
});
