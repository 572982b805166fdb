import { dryRunCase } from '../_lib/asymmetric.js';
import { derive, peerOn } from './_support.js';

export default dryRunCase({
  id: 'key-agreement.dry-run-derive-shared-secret',
  op: 'DeriveSharedSecret',
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P384',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => derive(t, key.KeyId, peerOn('ECC_NIST_P384').spki, { DryRun: true }),
});
