import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.decrypt-rsa-without-key-id-refused',
  title: 'Decrypt of RSA ciphertext without KeyId is refused with InvalidCiphertextException (it does not name its key)',
  doc: requestDoc('Decrypt', 'KeyId'),
  source: documented('service model: DecryptRequest.KeyId ("required only when the ciphertext was encrypted under an asymmetric KMS key"); code: Decrypt errors (InvalidCiphertextException)'),
  tags: ['asymmetric'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })).then((e) => t.kms.send(new DecryptCommand({ CiphertextBlob: e.CiphertextBlob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }))),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
