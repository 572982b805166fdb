import { SignCommand } from '@aws-sdk/client-kms';
import { inferred, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'sign-verify.sign-rsa-encryption-key-refused',
  op: 'Sign',
  keyText: 'with an RSA ENCRYPT_DECRYPT key',
  source: inferred('the usage wording of spec/aws-observed.md §9 (recorded for Sign with an HMAC key) with an RSA encryption key'),
  tags: ['sign-verify', 'asymmetric'],
  spec: 'RSA_2048',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'RSASSA_PSS_SHA_256' })),
});
