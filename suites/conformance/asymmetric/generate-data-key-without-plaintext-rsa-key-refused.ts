import { GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { apiDoc, documented, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.generate-data-key-without-plaintext-rsa-key-refused',
  title: 'GenerateDataKeyWithoutPlaintext under an RSA key is refused with InvalidKeyUsageException',
  doc: apiDoc('GenerateDataKeyWithoutPlaintext'),
  source: documented('service model: GenerateDataKeyWithoutPlaintext ("you must use a symmetric encryption KMS key") and errors (InvalidKeyUsageException); message not recorded'),
  tags: ['asymmetric'],
  ops: ['GenerateDataKeyWithoutPlaintext'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, NumberOfBytes: 32 })),
  expected: () => ({ code: 'InvalidKeyUsageException', status: 400 }),
});
