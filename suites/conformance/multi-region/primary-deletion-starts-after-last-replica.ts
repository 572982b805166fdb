import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { describeIn, documented, MODEL, pendingReplicaDeletionCase } from './_support.js';

export default pendingReplicaDeletionCase({
  behaviour: 'primary-deletion-starts-after-last-replica',
  title: 'Once its last replica is deleted, a PendingReplicaDeletion primary is PendingDeletion with a DeletionDate',
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("When the last of its replicas keys is deleted (not just scheduled), the key state of the primary key changes to PendingDeletion and its waiting period (PendingWindowInDays) begins")`),
  ops: [],
  flags: ['needs-clock'],
  async body(t, key, region) {
    await t.given('ScheduleKeyDeletion of the replica', () => t.kmsIn(region).send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 })));
    t.expectEqual((await describeIn(t, t.kms, key.KeyId)).KeyState, 'PendingReplicaDeletion', 'KeyState while the replica is only scheduled');
    await t.advanceClock('8d');
    const md = await describeIn(t, t.kms, key.KeyId);
    t.expectEqual(md.KeyState, 'PendingDeletion', 'KeyState once the replica is deleted');
    t.check(md.DeletionDate instanceof Date, 'a DeletionDate appears', md);
  },
});
