import { SignCommand } from '@aws-sdk/client-kms';
import { recorded, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'sign-verify.sign-hmac-key-refused',
  op: 'Sign',
  keyText: 'with an HMAC key',
  source: recorded('spec/aws-observed.md §9 (Sign on a GENERATE_VERIFY_MAC key)'),
  tags: ['sign-verify', 'hmac'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' })),
});
