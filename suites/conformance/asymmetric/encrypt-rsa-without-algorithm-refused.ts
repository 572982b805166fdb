import { EncryptCommand } from '@aws-sdk/client-kms';
import { incompatible, inferred, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.encrypt-rsa-without-algorithm-refused',
  title: 'Encrypt with an RSA key and no EncryptionAlgorithm is refused: "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048."',
  doc: requestDoc('Encrypt', 'EncryptionAlgorithm'),
  source: inferred('floci-io/floci integration test, stated as measured on AWS (InvalidKeyUsageException with this text); the model: "If you specify an asymmetric KMS key, you must also specify the encryption algorithm"'),
  tags: ['asymmetric'],
  ops: ['Encrypt'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) })),
  expected: () => incompatible('SYMMETRIC_DEFAULT', 'RSA_2048'),
});
