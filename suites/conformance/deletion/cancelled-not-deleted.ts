import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { DAY_MS, describe } from './_support.js';
import { deletionDateCase } from './_deletion-date.js';
import { documented } from '../_lib/sources.js';

/** A cancelled deletion is cancelled: the key outlives its former DeletionDate, Disabled. */
export default deletionDateCase({
  behaviour: 'cancelled-not-deleted',
  title: 'A key whose deletion was cancelled still exists, Disabled, a day after its former DeletionDate',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: documented('service model: CancelKeyDeletion doc; https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html'),
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  offsetMs: DAY_MS,
  async pending(t, key) {
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
  },
  async after(t, key) {
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.KeyState, 'Disabled', 'KeyState a day after the former DeletionDate');
  },
});
