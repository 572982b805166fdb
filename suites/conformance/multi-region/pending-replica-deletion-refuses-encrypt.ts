import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { DELETE_MRK_DOC, documented, givenPendingReplicaDeletion, givenReplica, MODEL, primaryKey, replicaRegion } from './_support.js';

export default defineCase({
  id: 'multi-region.pending-replica-deletion-refuses-encrypt',
  title: 'A primary in PendingReplicaDeletion cannot be used: Encrypt → KMSInvalidStateException',
  doc: DELETE_MRK_DOC,
  source: documented(`${MODEL('ScheduleKeyDeletion')} ("its key state changes to PendingReplicaDeletion and it cannot be replicated or used in cryptographic operations")`),
  tags: ['multi-region', 'deletion', 'key-state'],
  ops: ['CreateKey', 'ReplicateKey', 'DescribeKey', 'ScheduleKeyDeletion', 'Encrypt'],
  timeoutMs: 120_000,
  async run(t) {
    const key = await primaryKey(t);
    await givenReplica(t, key.KeyId, replicaRegion(t));
    await givenPendingReplicaDeletion(t, key.KeyId);
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'KMSInvalidStateException', status: 400 });
  },
});
