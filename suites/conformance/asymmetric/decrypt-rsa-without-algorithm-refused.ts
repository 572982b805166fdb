import { DecryptCommand } from '@aws-sdk/client-kms';
import { ciphertext, inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.decrypt-rsa-without-algorithm-refused',
  title: 'Decrypt of RSA ciphertext without EncryptionAlgorithm is refused with InvalidCiphertextException',
  doc: requestDoc('Decrypt', 'EncryptionAlgorithm'),
  source: inferred('floci-io/floci integration test, stated as measured on AWS us-east-1: the default SYMMETRIC_DEFAULT makes KMS read the bytes as a symmetric blob'),
  tags: ['asymmetric'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  prepare: ciphertext('RSAES_OAEP_SHA_256'),
  call: (t, key, blob) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob as Uint8Array })),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
