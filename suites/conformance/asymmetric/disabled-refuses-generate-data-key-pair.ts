import { GenerateDataKeyPairCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'asymmetric',
  tags: ['asymmetric'],
  state: 'Disabled',
  op: 'generate-data-key-pair',
  ops: ['GenerateDataKeyPair'],
  spec: 'SYMMETRIC_DEFAULT' as never,
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256' })),
});
