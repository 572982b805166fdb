import { EncryptCommand } from '@aws-sdk/client-kms';
import { dryRun } from './_dry-run.js';
import { documented } from '../_lib/sources.js';

export default dryRun('Encrypt', (kms, KeyId) => kms.send(new EncryptCommand({ KeyId, Plaintext: new Uint8Array([1, 2, 3]), DryRun: true })), documented('service model: EncryptRequest.DryRun, DryRunOperationException (recorded for GenerateDataKeyPair only, spec/aws-observed.md §9)', { since: '2023-07-05' }));
