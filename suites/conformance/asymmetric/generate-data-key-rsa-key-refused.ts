import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { apiDoc, recorded, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.generate-data-key-rsa-key-refused',
  title: 'GenerateDataKey under an RSA ENCRYPT_DECRYPT key is refused with InvalidKeyUsageException "You cannot generate a data key with an asymmetric CMK"',
  doc: apiDoc('GenerateDataKey'),
  source: recorded('spec/aws-observed.md §9 (GenerateDataKey on an asymmetric key)'),
  tags: ['asymmetric'],
  ops: ['GenerateDataKey'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' })),
  expected: () => ({ code: 'InvalidKeyUsageException', status: 400, message: 'You cannot generate a data key with an asymmetric CMK' }),
});
