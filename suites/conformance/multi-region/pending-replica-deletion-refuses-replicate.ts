import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_MRK_DOC, documented, givenPendingReplicaDeletion, givenReplica, MODEL, primaryKey, replicaRegion, replicate } from './_support.js';

export default defineCase({
  id: 'multi-region.pending-replica-deletion-refuses-replicate',
  title: 'A primary in PendingReplicaDeletion cannot be replicated: KMSInvalidStateException',
  doc: DELETE_MRK_DOC,
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("it cannot be replicated"); KMSInvalidStateException is in ReplicateKey's errors`),
  tags: ['multi-region', 'deletion', 'key-state'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'ScheduleKeyDeletion'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    await givenReplica(t, key.KeyId, replicaRegion(t, 0));
    await givenPendingReplicaDeletion(t, key.KeyId);
    await t.expectError(t.kms.send(new ReplicateKeyCommand({ KeyId: key.KeyId, ReplicaRegion: replicaRegion(t, 1) })), { code: 'KMSInvalidStateException', status: 400 });
  },
});
