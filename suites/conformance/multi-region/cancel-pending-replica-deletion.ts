import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_MRK_DOC, describeIn, givenPendingReplicaDeletion, givenReplica, inferred, MODEL, primaryKey, replicaRegion } from './_support.js';

export default defineCase({
  id: 'multi-region.cancel-pending-replica-deletion',
  title: 'CancelKeyDeletion of a primary in PendingReplicaDeletion leaves it Disabled',
  doc: DELETE_MRK_DOC,
  source: inferred(`${MODEL('CancelKeyDeletion')} ("the key state of the KMS key is Disabled") applied to PendingReplicaDeletion; not recorded`),
  tags: ['multi-region', 'deletion'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    await givenReplica(t, key.KeyId, replicaRegion(t));
    await givenPendingReplicaDeletion(t, key.KeyId);
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    t.expectEqual((await describeIn(t.kms, key.KeyId)).KeyState, 'Disabled', 'KeyState after CancelKeyDeletion');
  },
});
