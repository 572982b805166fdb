import { VerifyCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';

export default refusalCase({
  id: 'sign-verify.verify-symmetric-key-refused',
  title: 'Verify with a symmetric encryption key is refused: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for Verify."',
  doc: errorsDoc('Verify'),
  source: recorded('spec/aws-observed.md §9 (Verify on an ENCRYPT_DECRYPT key)'),
  tags: ['sign-verify'],
  ops: ['Verify'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: t.bytes(32, 7), Signature: t.bytes(64), SigningAlgorithm: 'ECDSA_SHA_256' })),
  expected: (key) => wrongUsage(key.Arn, 'ENCRYPT_DECRYPT', 'Verify'),
});
