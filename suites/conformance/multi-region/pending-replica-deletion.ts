import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_MRK_DOC, describeIn, documented, givenReplica, MODEL, primaryKey, replicaRegion } from './_support.js';

export default defineCase({
  id: 'multi-region.pending-replica-deletion',
  title: 'ScheduleKeyDeletion of a primary with a replica: PendingReplicaDeletion, PendingDeletionWindowInDays, no DeletionDate',
  doc: DELETE_MRK_DOC,
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("If you schedule the deletion of a primary key with replicas, its key state changes to PendingReplicaDeletion"); ${MODEL('ScheduleKeyDeletionResponse.DeletionDate')}; ${MODEL('KeyMetadata.PendingDeletionWindowInDays')}`),
  tags: ['multi-region', 'deletion', 'key-state'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'ScheduleKeyDeletion'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    await givenReplica(t, key.KeyId, replicaRegion(t));
    const out = await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 9 }));
    t.expectEqual([out.KeyState, out.PendingWindowInDays], ['PendingReplicaDeletion', 9], 'KeyState and PendingWindowInDays of the reply');
    t.check(out.DeletionDate === undefined, 'no DeletionDate while replicas exist', out);
    const md = await describeIn(t.kms, key.KeyId);
    t.expectEqual([md.KeyState, md.PendingDeletionWindowInDays, md.Enabled], ['PendingReplicaDeletion', 9, false], 'KeyState, PendingDeletionWindowInDays, Enabled');
  },
});
