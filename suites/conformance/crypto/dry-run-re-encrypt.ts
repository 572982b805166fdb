import { ReEncryptCommand } from '@aws-sdk/client-kms';
import { dryRun } from './_dry-run.js';
import { documented } from '../_lib/sources.js';

export default dryRun('ReEncrypt', (kms, DestinationKeyId, CiphertextBlob) => kms.send(new ReEncryptCommand({ CiphertextBlob, DestinationKeyId, DryRun: true })), documented('service model: ReEncryptRequest.DryRun, DryRunOperationException (recorded for GenerateDataKeyPair only, spec/aws-observed.md §9)', { since: '2023-07-05' }));
