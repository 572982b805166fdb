import { SignCommand } from '@aws-sdk/client-kms';
import { errorsDoc, inferred, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.key-agreement-key-sign-refused',
  title: 'Sign with an ECC KEY_AGREEMENT key is refused: "<arn> key usage is KEY_AGREEMENT which is not valid for Sign."',
  doc: errorsDoc('Sign'),
  source: inferred('the usage wording of spec/aws-observed.md §9 applied to a KEY_AGREEMENT key'),
  tags: ['sign-verify', 'key-agreement'],
  ops: ['Sign'],
  spec: 'ECC_NIST_P256',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'KEY_AGREEMENT', 'Sign'),
});
