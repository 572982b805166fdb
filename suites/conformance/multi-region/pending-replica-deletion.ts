import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { DELETE_MRK_DOC, describeIn, documented, MODEL, replicaCase } from './_support.js';

export default replicaCase({
  behaviour: 'pending-replica-deletion',
  title: 'ScheduleKeyDeletion of a primary with a replica: PendingReplicaDeletion, PendingDeletionWindowInDays, no DeletionDate',
  doc: DELETE_MRK_DOC,
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("If you schedule the deletion of a primary key with replicas, its key state changes to PendingReplicaDeletion"); ${MODEL('ScheduleKeyDeletionResponse.DeletionDate')}; ${MODEL('KeyMetadata.PendingDeletionWindowInDays')}`),
  tags: ['deletion', 'key-state'],
  ops: ['ScheduleKeyDeletion'],
  async body(t, key) {
    const out = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 9 }));
    t.expectEqual([out.KeyState, out.PendingWindowInDays], ['PendingReplicaDeletion', 9], 'KeyState and PendingWindowInDays of the reply');
    t.check(out.DeletionDate === undefined, 'no DeletionDate while replicas exist', out);
    const md = await describeIn(t, t.kms, key.KeyId);
    t.expectEqual([md.KeyState, md.PendingDeletionWindowInDays, md.Enabled], ['PendingReplicaDeletion', 9, false], 'KeyState, PendingDeletionWindowInDays, Enabled');
  },
});
