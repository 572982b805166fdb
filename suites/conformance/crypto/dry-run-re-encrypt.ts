import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { dryRun } from './_dry-run.js';

export default dryRun('ReEncrypt', (kms, DestinationKeyId, CiphertextBlob) => kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId, DryRun: true })), {
  kind: 'documented',
  cite: 'service model: ReEncryptRequest.DryRun, DryRunOperationException (recorded for GenerateDataKeyPair only, spec/aws-observed.md §9)',
  verifiedAt: '2026-12-07',
  since: '2023-07-05',
});
