import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { describeIn, inferred, MODEL, pendingReplicaDeletionCase } from './_support.js';

export default pendingReplicaDeletionCase({
  behaviour: 'cancel-pending-replica-deletion',
  title: 'CancelKeyDeletion of a primary in PendingReplicaDeletion leaves it Disabled',
  source: inferred(`${MODEL('CancelKeyDeletion')} ("the key state of the KMS key is Disabled") applied to PendingReplicaDeletion; not recorded`),
  ops: ['CancelKeyDeletion'],
  async body(t, key) {
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    t.expectEqual((await describeIn(t, t.kms, key.KeyId)).KeyState, 'Disabled', 'KeyState after CancelKeyDeletion');
  },
});
