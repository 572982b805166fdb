import { SignCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'sign-verify.dry-run-sign',
  op: 'Sign',
  tags: ['sign-verify'],
  ops: ['Sign'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256', DryRun: true })),
});
