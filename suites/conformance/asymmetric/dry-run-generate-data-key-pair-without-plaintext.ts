import { GenerateDataKeyPairWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { dryRunCase } from '../_lib/asymmetric.js';

export default dryRunCase({
  id: 'asymmetric.dry-run-generate-data-key-pair-without-plaintext',
  op: 'GenerateDataKeyPairWithoutPlaintext',
  tags: ['asymmetric'],
  ops: ['GenerateDataKeyPairWithoutPlaintext'],
  spec: 'SYMMETRIC_DEFAULT',
  usage: 'ENCRYPT_DECRYPT',
  call: (t, key) => t.kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: key.KeyId, KeyPairSpec: 'ECC_NIST_P384', DryRun: true })),
});
