import { recorded, wrongUsageCase } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default wrongUsageCase({
  id: 'key-agreement.symmetric-key-refused',
  op: 'DeriveSharedSecret',
  keyText: 'with a symmetric key',
  source: recorded('spec/aws-observed.md §9 (DeriveSharedSecret on a symmetric key)'),
  tags: ['key-agreement'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki),
});
