import { errorsDoc, recorded, refusalCase, wrongUsage } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default refusalCase({
  id: 'key-agreement.sign-verify-key-refused',
  title: 'DeriveSharedSecret with an ECC SIGN_VERIFY key is refused: "<arn> key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret."',
  doc: errorsDoc('DeriveSharedSecret'),
  source: recorded('spec/aws-observed.md §9 (DeriveSharedSecret on a SIGN_VERIFY key)'),
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki),
  expected: (key) => wrongUsage(key.Arn, 'SIGN_VERIFY', 'DeriveSharedSecret'),
});
