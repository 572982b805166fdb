import { recorded, wrongUsageCase } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default wrongUsageCase({
  id: 'key-agreement.sign-verify-key-refused',
  op: 'DeriveSharedSecret',
  keyText: 'with an ECC SIGN_VERIFY key',
  source: recorded('spec/aws-observed.md §9 (DeriveSharedSecret on a SIGN_VERIFY key)'),
  tags: ['key-agreement'],
  spec: 'ECC_NIST_P256',
  usage: 'SIGN_VERIFY',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P256').spki),
});
