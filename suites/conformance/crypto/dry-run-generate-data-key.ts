import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { dryRun } from './_dry-run.js';
import { documented } from '../_lib/sources.js';

export default dryRun('GenerateDataKey', (kms, KeyId) => kms.send(new GenerateDataKeyCommand({ KeyId, KeySpec: 'AES_256', DryRun: true })), documented('service model: GenerateDataKeyRequest.DryRun, DryRunOperationException (recorded for GenerateDataKeyPair only, spec/aws-observed.md §9)', { since: '2023-07-05' }));
