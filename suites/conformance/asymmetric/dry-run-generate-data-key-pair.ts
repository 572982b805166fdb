import { GenerateDataKeyPairCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'asymmetric.dry-run-generate-data-key-pair',
  op: 'GenerateDataKeyPair',
  tags: ['asymmetric'],
  ops: ['GenerateDataKeyPair'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyPairCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P256', DryRun: true })),
});
