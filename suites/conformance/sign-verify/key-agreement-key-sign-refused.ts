import { SignCommand } from '@aws-sdk/client-kms';
import { inferred, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'sign-verify.key-agreement-key-sign-refused',
  op: 'Sign',
  keyText: 'with an ECC KEY_AGREEMENT key',
  source: inferred('the usage wording of spec/aws-observed.md §9 applied to a KEY_AGREEMENT key'),
  tags: ['sign-verify', 'key-agreement'],
  spec: 'ECC_NIST_P256',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' })),
});
