import { onDemandRefusedCase } from './_support.js';
import { documented } from '../_lib/sources.js';

/** KMSInvalidStateException (MODEL error list; KS-OLD [3]); no AWS capture of the message, so the code only. */
export default onDemandRefusedCase(
  'PendingDeletion',
  'RotateKeyOnDemand on a key pending deletion is refused with KMSInvalidStateException',
  () => ({ code: 'KMSInvalidStateException', status: 400 }),
  documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); service model: RotateKeyOnDemand errors (KMSInvalidStateException); no capture: code only (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)', { since: '2024-04-12' }),
);
