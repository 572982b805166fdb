import { DeriveSharedSecretCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';
import { peerOn } from '../key-agreement/_support.js';

export default stateRefusal({
  area: 'key-agreement',
  tags: ['key-agreement'],
  state: 'PendingDeletion',
  op: 'derive-shared-secret',
  ops: ['DeriveSharedSecret'],
  spec: 'ECC_NIST_P256' as never,
  usage: 'KEY_AGREEMENT',
  call: (t, key) => t.kms.send(new DeriveSharedSecretCommand({ KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peerOn('ECC_NIST_P256').spki })),
});
