import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default refusalCase({
  id: 'key-agreement.symmetric-key-refused',
  title: 'DeriveSharedSecret with a symmetric key is refused: "<arn> key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret."',
  doc: errorsDoc('DeriveSharedSecret'),
  source: recorded('spec/aws-observed.md §9 (DeriveSharedSecret on a symmetric key)'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki),
  expected: (key) => wrongUsage(key.Arn, 'ENCRYPT_DECRYPT', 'DeriveSharedSecret'),
});
