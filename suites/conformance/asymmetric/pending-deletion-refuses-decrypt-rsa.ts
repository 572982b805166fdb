import { DecryptCommand } from '@aws-sdk/client-kms';
import { ciphertext, stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'asymmetric',
  tags: ['asymmetric'],
  state: 'PendingDeletion',
  op: 'decrypt-rsa',
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048' as never,
  usage: 'ENCRYPT_DECRYPT',
  prepare: ciphertext('RSAES_OAEP_SHA_256'),
  call: (t, key, blob) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob as Uint8Array, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
});
