import { VerifyCommand } from '@aws-sdk/client-kms';
import { recorded, wrongUsageCase } from '../_lib/asymmetric.js';

export default wrongUsageCase({
  id: 'sign-verify.verify-symmetric-key-refused',
  op: 'Verify',
  keyText: 'with a symmetric encryption key',
  source: recorded('spec/aws-observed.md §9 (Verify on an ENCRYPT_DECRYPT key)'),
  tags: ['sign-verify'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Signature: t.bytes(64), SigningAlgorithm: 'ECDSA_SHA_256' })),
});
