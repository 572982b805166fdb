import { SignCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'sign-verify',
  tags: ['sign-verify'],
  state: 'PendingDeletion',
  op: 'sign',
  ops: ['Sign'],
  spec: 'ECC_NIST_P256' as never,
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' })),
});
