import { EncryptCommand } from '@aws-sdk/client-kms';
import { documented, MODEL, pendingReplicaDeletionRefuses } from './_support.js';

export default pendingReplicaDeletionRefuses({
  behaviour: 'pending-replica-deletion-refuses-encrypt',
  title: 'A primary in PendingReplicaDeletion cannot be used: Encrypt → KMSInvalidStateException',
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("its key state changes to PendingReplicaDeletion and it cannot be replicated or used in cryptographic operations")`),
  ops: ['Encrypt'],
  call: (t, keyId) => t.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: t.bytes(8) })),
});
