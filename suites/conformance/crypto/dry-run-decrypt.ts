import { DecryptCommand } from '@aws-sdk/client-kms';
import { dryRun } from './_dry-run.js';
import { documented } from '../_lib/sources.js';

export default dryRun('Decrypt', (kms, _k, CiphertextBlob) => kms.send(new DecryptCommand({ CiphertextBlob, DryRun: true })), documented('service model: DecryptRequest.DryRun, DryRunOperationException (recorded for GenerateDataKeyPair only, spec/aws-observed.md §9)', { since: '2023-07-05' }));
