import { SignCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.sign-hmac-key-refused',
  title: 'Sign with an HMAC key is refused: "<arn> key usage is GENERATE_VERIFY_MAC which is not valid for Sign."',
  doc: errorsDoc('Sign'),
  source: recorded('spec/aws-observed.md §9 (Sign on a GENERATE_VERIFY_MAC key)'),
  tags: ['sign-verify', 'hmac'],
  ops: ['Sign'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'GENERATE_VERIFY_MAC', 'Sign'),
});
