import { EncryptCommand } from '@aws-sdk/client-kms';
import { errorsDoc, inferred, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'hmac.encrypt-hmac-key-refused',
  title: 'Encrypt with an HMAC key is refused: "<arn> key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt."',
  doc: errorsDoc('Encrypt'),
  source: inferred('the usage wording of spec/aws-observed.md §9 (recorded for Encrypt on a SIGN_VERIFY key) with an HMAC key'),
  tags: ['hmac'],
  ops: ['Encrypt'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) })),
  expected: (key) => wrongUsage(key.Arn, 'GENERATE_VERIFY_MAC', 'Encrypt'),
});
