import { EncryptCommand } from '@aws-sdk/client-kms';
import { inferred, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'hmac.encrypt-hmac-key-refused',
  op: 'Encrypt',
  keyText: 'with an HMAC key',
  source: inferred('the usage wording of spec/aws-observed.md §9 (recorded for Encrypt on a SIGN_VERIFY key) with an HMAC key'),
  tags: ['hmac'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) })),
});
