import { EncryptCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.encrypt-sign-verify-key-refused',
  title: 'Encrypt with an RSA SIGN_VERIFY key is refused: "<arn> key usage is SIGN_VERIFY which is not valid for Encrypt."',
  doc: errorsDoc('Encrypt'),
  source: recorded('spec/aws-observed.md §9 (Encrypt on a SIGN_VERIFY key)'),
  tags: ['asymmetric'],
  ops: ['Encrypt'],
  spec: 'RSA_2048',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'SIGN_VERIFY', 'Encrypt'),
});
