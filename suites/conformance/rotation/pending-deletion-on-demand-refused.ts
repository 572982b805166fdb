import { RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { pendingDeletionKey } from '../key-state/_support.js';
import { ON_DEMAND_DOC } from './_support.js';

/** KMSInvalidStateException (MODEL error list; KS-OLD [3]); no AWS capture of the message, so the code only. */
export default defineCase({
  id: 'rotation.pending-deletion-on-demand-refused',
  title: 'RotateKeyOnDemand on a key pending deletion is refused with KMSInvalidStateException',
  doc: `${ON_DEMAND_DOC}#API_RotateKeyOnDemand_Errors`,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); service model: RotateKeyOnDemand errors (KMSInvalidStateException); no capture: code only (RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations: aws-sdk-go-v2 service/kms CHANGELOG v1.31.0, 2024-04-12)',
    verifiedAt: '2026-12-07',
    since: '2024-04-12',
  },
  tags: ['rotation', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'RotateKeyOnDemand'],
  async run(t) {
    const key = await pendingDeletionKey(t);
    await t.expectError(t.kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
  },
});
