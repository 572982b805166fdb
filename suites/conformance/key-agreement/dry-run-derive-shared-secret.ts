import { DeriveSharedSecretCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';
import { peerOn } from '../key-agreement/_support.js';

export default dryRunCase({
  id: 'key-agreement.dry-run-derive-shared-secret',
  op: 'DeriveSharedSecret',
  tags: ['key-agreement'],
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P384',
  usage: 'KEY_AGREEMENT',
  call: (t, key) => t.kms.send(new DeriveSharedSecretCommand({ KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peerOn('ECC_NIST_P384').spki, DryRun: true })),
});
