import { DecryptCommand } from '@aws-sdk/client-kms';
import { errorsDoc, inferred, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.decrypt-ecc-key-refused',
  title: 'Decrypt naming an ECC SIGN_VERIFY key is refused: "<arn> key usage is SIGN_VERIFY which is not valid for Decrypt."',
  doc: errorsDoc('Decrypt'),
  source: inferred('the usage wording of spec/aws-observed.md §9 (recorded for Encrypt, Verify, Sign, GenerateMac, DeriveSharedSecret) applied to Decrypt'),
  tags: ['asymmetric'],
  ops: ['Decrypt'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: t.bytes(64), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'SIGN_VERIFY', 'Decrypt'),
});
