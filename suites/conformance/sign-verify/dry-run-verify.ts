import { SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'sign-verify.dry-run-verify',
  op: 'Verify',
  tags: ['sign-verify'],
  ops: ['Sign', 'Verify'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new SignCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), SigningAlgorithm: 'ECDSA_SHA_256' })).then((s) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Signature: s.Signature, SigningAlgorithm: 'ECDSA_SHA_256', DryRun: true }))),
});
