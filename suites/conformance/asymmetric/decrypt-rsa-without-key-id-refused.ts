import { DecryptCommand } from '@aws-sdk/client-kms';
import { ciphertext, documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.decrypt-rsa-without-key-id-refused',
  title: 'Decrypt of RSA ciphertext without KeyId is refused with InvalidCiphertextException (it does not name its key)',
  doc: requestDoc('Decrypt', 'KeyId'),
  source: documented('service model: DecryptRequest.KeyId ("required only when the ciphertext was encrypted under an asymmetric KMS key"); code: Decrypt errors (InvalidCiphertextException)'),
  tags: ['asymmetric'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  prepare: ciphertext('RSAES_OAEP_SHA_256'),
  call: (t, _key, blob) => t.kms.send(new DecryptCommand({ CiphertextBlob: blob as Uint8Array, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
