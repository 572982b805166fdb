import { EncryptCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'asymmetric',
  tags: ['asymmetric'],
  state: 'PendingDeletion',
  op: 'encrypt-rsa',
  ops: ['Encrypt'],
  spec: 'RSA_2048' as never,
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
});
