import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { errorsDoc, inferred, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.get-public-key-hmac-key-refused',
  title: 'GetPublicKey of an HMAC key is refused with UnsupportedOperationException',
  doc: errorsDoc('GetPublicKey'),
  source: inferred('service model: GetPublicKey ("Returns the public key of an asymmetric KMS key") and errors (UnsupportedOperationException)'),
  tags: ['asymmetric', 'hmac'],
  ops: ['GetPublicKey'],
  spec: 'HMAC_256',
  usage: 'GENERATE_VERIFY_MAC',
  call: (t, key) => t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId })),
  expected: () => ({ code: 'UnsupportedOperationException', status: 400 }),
});
