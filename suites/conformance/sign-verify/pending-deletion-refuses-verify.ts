import { SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'sign-verify',
  tags: ['sign-verify'],
  state: 'PendingDeletion',
  op: 'verify',
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P256' as never,
  usage: 'SIGN_VERIFY',
  prepare: async (t, key) => (await t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' }))).Signature,
  call: (t, key, sig) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Signature: sig as Uint8Array, SigningAlgorithm: 'ECDSA_SHA_256' })),
});
