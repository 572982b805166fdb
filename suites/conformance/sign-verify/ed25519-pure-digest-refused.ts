import { SignCommand } from '@aws-sdk/client-kms';
import { documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.ed25519-pure-digest-refused',
  title: 'Sign ED25519_SHA_512 with MessageType DIGEST is refused with ValidationException (that algorithm takes RAW only)',
  doc: requestDoc('Sign', 'MessageType'),
  source: documented('service model: SignRequest.MessageType ("ED25519_SHA_512 signing algorithm requires KMS MessageType:RAW"); code per Sign errors, message not recorded'),
  tags: ['sign-verify'],
  ops: ['Sign'],
  spec: 'ECC_NIST_EDWARDS25519',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(64), SigningAlgorithm: 'ED25519_SHA_512', MessageType: 'DIGEST' })),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
