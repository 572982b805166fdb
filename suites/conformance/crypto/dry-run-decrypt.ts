import { DecryptCommand } from '@aws-sdk/client-kms';
import { dryRun } from './_dry-run.js';

export default dryRun('Decrypt', (kms, _k, CiphertextBlob) => kms.send(new DecryptCommand({ CiphertextBlob, DryRun: true })), {
  kind: 'documented',
  cite: 'service model: DecryptRequest.DryRun, DryRunOperationException (recorded for GenerateDataKeyPair only, spec/aws-observed.md §9)',
  verifiedAt: '2026-12-07',
  since: '2023-07-05',
});
