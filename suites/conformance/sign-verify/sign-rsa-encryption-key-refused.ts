import { SignCommand } from '@aws-sdk/client-kms';
import { errorsDoc, inferred, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.sign-rsa-encryption-key-refused',
  title: 'Sign with an RSA ENCRYPT_DECRYPT key is refused: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for Sign."',
  doc: errorsDoc('Sign'),
  source: inferred('the usage wording of spec/aws-observed.md §9 (recorded for Sign with an HMAC key) with an RSA encryption key'),
  tags: ['sign-verify', 'asymmetric'],
  ops: ['Sign'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'RSASSA_PSS_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'ENCRYPT_DECRYPT', 'Sign'),
});
