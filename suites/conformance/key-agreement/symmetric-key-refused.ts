import { DeriveSharedSecretCommand } from '@aws-sdk/client-kms';
import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';
import { peerOn } from '../key-agreement/_support.js';

export default refusalCase({
  id: 'key-agreement.symmetric-key-refused',
  title: 'DeriveSharedSecret with a symmetric key is refused: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret."',
  doc: errorsDoc('DeriveSharedSecret'),
  source: recorded('spec/aws-observed.md §9 (DeriveSharedSecret on a symmetric key)'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new DeriveSharedSecretCommand({ KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peerOn('ECC_NIST_P256').spki })),
  expected: (key) => wrongUsage(key.Arn, 'ENCRYPT_DECRYPT', 'DeriveSharedSecret'),
});
