import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { documented, errorsDoc, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.generate-data-key-hmac-key-refused',
  title: 'GenerateDataKey under an HMAC key is refused with InvalidKeyUsageException',
  doc: errorsDoc('GenerateDataKey'),
  source: documented('service model: GenerateDataKey ("To generate a data key, specify the symmetric encryption KMS key") and errors (InvalidKeyUsageException)'),
  tags: ['hmac'],
  ops: ['GenerateDataKey'],
  spec: 'HMAC_512',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: 32 })),
  expected: () => ({ code: 'InvalidKeyUsageException', status: 400 }),
});
