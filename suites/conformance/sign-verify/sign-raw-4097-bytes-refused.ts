import { SignCommand } from '@aws-sdk/client-kms';
import { documented, refusalCase, requestDoc } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.sign-raw-4097-bytes-refused',
  title: 'Sign of a 4097-byte RAW message is refused with ValidationException (messages are 0-4096 bytes)',
  doc: requestDoc('Sign', 'Message'),
  source: documented('service model: SignRequest.Message ("Messages can be 0-4096 bytes"); PlaintextType max 4096'),
  tags: ['sign-verify', 'limits'],
  ops: ['Sign'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(4097), SigningAlgorithm: 'ECDSA_SHA_256' })),
  expected: () => ({ code: 'ValidationException', status: 400 }),
});
