import { EncryptCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'asymmetric.dry-run-encrypt-rsa',
  op: 'Encrypt',
  tags: ['asymmetric'],
  ops: ['Encrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DryRun: true })),
});
