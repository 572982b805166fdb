import { VerifyCommand } from '@aws-sdk/client-kms';
import { dryRunCase, signature } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'sign-verify.dry-run-verify',
  op: 'Verify',
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  prepare: signature('ECDSA_SHA_256', (t) => t.bytes(32, 7)),
  call: (t, key, sig) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Signature: sig as Uint8Array, SigningAlgorithm: 'ECDSA_SHA_256', DryRun: true })),
});
