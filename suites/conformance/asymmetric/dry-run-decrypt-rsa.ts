import { DecryptCommand } from '@aws-sdk/client-kms';
import { ciphertext, dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'asymmetric.dry-run-decrypt-rsa',
  op: 'Decrypt',
  tags: ['asymmetric'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  prepare: ciphertext('RSAES_OAEP_SHA_1'),
  call: (t, key, blob) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob as Uint8Array, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DryRun: true })),
});
