import { ReplicateKeyCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, pendingReplicaDeletionRefuses, replicaRegion } from './_support.js';

export default pendingReplicaDeletionRefuses({
  behaviour: 'pending-replica-deletion-refuses-replicate',
  title: 'A primary in PendingReplicaDeletion cannot be replicated: KMSInvalidStateException',
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("it cannot be replicated"); KMSInvalidStateException is in ReplicateKey's errors`),
  ops: [],
  call: (t, keyId) => t.kms.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: replicaRegion(t, 1) })),
});
