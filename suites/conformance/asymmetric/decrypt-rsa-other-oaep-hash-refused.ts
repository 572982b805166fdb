import { DecryptCommand } from '@aws-sdk/client-kms';
import { ciphertext, documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.decrypt-rsa-other-oaep-hash-refused',
  title: 'Decrypt with RSAES_OAEP_SHA_1 of ciphertext made with RSAES_OAEP_SHA_256 is refused with InvalidCiphertextException',
  doc: requestDoc('Decrypt', 'EncryptionAlgorithm'),
  source: documented('service model: DecryptRequest.EncryptionAlgorithm ("If you specify a different algorithm, the Decrypt operation fails"); OAEP with another hash does not decode'),
  tags: ['asymmetric'],
  ops: ['Encrypt', 'Decrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  prepare: ciphertext('RSAES_OAEP_SHA_256'),
  call: (t, key, blob) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: blob as Uint8Array, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })),
  expected: () => ({ code: 'InvalidCiphertextException', status: 400 }),
});
