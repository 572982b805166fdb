import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { errorsDoc, inferred, refusalCase } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'asymmetric.get-public-key-symmetric-key-refused',
  title: 'GetPublicKey of a symmetric encryption key is refused with UnsupportedOperationException',
  doc: errorsDoc('GetPublicKey'),
  source: inferred('service model: GetPublicKey ("Returns the public key of an asymmetric KMS key") and errors (UnsupportedOperationException); localstack/localstack#6675 ("GetPublicKey in AWS doesn\'t work for such keys")'),
  tags: ['asymmetric'],
  ops: ['GetPublicKey'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId })),
  expected: () => ({ code: 'UnsupportedOperationException', status: 400 }),
});
