import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_MRK_DOC, describeIn, documented, givenPendingReplicaDeletion, givenReplica, MODEL, primaryKey, replicaRegion } from './_support.js';

export default defineCase({
  id: 'multi-region.primary-deletion-starts-after-last-replica',
  title: 'Once its last replica is deleted, a PendingReplicaDeletion primary is PendingDeletion with a DeletionDate',
  doc: DELETE_MRK_DOC,
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("When the last of its replicas keys is deleted (not just scheduled), the key state of the primary key changes to PendingDeletion and its waiting period (PendingWindowInDays) begins")`),
  tags: ['multi-region', 'deletion'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'ScheduleKeyDeletion'],
  flags: ['needs-clock'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    const region = replicaRegion(t);
    await givenReplica(t, key.KeyId, region);
    await givenPendingReplicaDeletion(t, key.KeyId);
    await t.given('ScheduleKeyDeletion of the replica', () => t.kmsIn(region).send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 })));
    t.expectEqual((await describeIn(t.kms, key.KeyId)).KeyState, 'PendingReplicaDeletion', 'KeyState while the replica is only scheduled');
    await t.advanceClock('8d');
    const md = await describeIn(t.kms, key.KeyId);
    t.expectEqual(md.KeyState, 'PendingDeletion', 'KeyState once the replica is deleted');
    t.check(md.DeletionDate instanceof Date, 'a DeletionDate appears', md);
  },
});
