import { SignCommand } from '@aws-sdk/client-kms';
import { documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.ed25519-ph-raw-refused',
  title: 'Sign ED25519_PH_SHA_512 with MessageType RAW is refused with ValidationException (that algorithm takes DIGEST only)',
  doc: requestDoc('Sign', 'MessageType'),
  source: documented('service model: SignRequest.MessageType ("ED25519_PH_SHA_512 signing algorithm requires KMS MessageType:DIGEST"); message not recorded'),
  tags: ['sign-verify'],
  ops: ['Sign'],
  spec: 'ECC_NIST_EDWARDS25519',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(64), SigningAlgorithm: 'ED25519_PH_SHA_512', MessageType: 'RAW' })),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
