import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.decrypt-rsa-without-algorithm-refused',
  title: 'Decrypt of RSA ciphertext without EncryptionAlgorithm is refused with InvalidCiphertextException',
  doc: requestDoc('Decrypt', 'EncryptionAlgorithm'),
  source: inferred('floci-io/floci integration test, stated as measured on AWS us-east-1: the default SYMMETRIC_DEFAULT makes KMS read the bytes as a symmetric blob'),
  tags: ['asymmetric'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })).then((e) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: e.CiphertextBlob }))),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
