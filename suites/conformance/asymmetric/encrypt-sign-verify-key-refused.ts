import { EncryptCommand } from '@aws-sdk/client-kms';
import { recorded, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'asymmetric.encrypt-sign-verify-key-refused',
  op: 'Encrypt',
  keyText: 'with an RSA SIGN_VERIFY key',
  source: recorded('spec/aws-observed.md §9 (Encrypt on a SIGN_VERIFY key)'),
  tags: ['asymmetric'],
  spec: 'RSA_2048',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
});
