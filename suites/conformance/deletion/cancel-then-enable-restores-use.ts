import { CancelKeyDeletionCommand, DecryptCommand, EnableKeyCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { scheduleDeletion } from './_support.js';

/** Cancelling deletion recovers the key: after EnableKey, ciphertext made before the schedule decrypts. */
export default defineCase({
  id: 'deletion.cancel-then-enable-restores-use',
  title: 'After CancelKeyDeletion and EnableKey, ciphertext made before the schedule decrypts again',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html (a cancelled key is Disabled; enable it to use it)',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'Encrypt', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKey', 'Decrypt'],
  async run(t) {
    const key = await t.createKey();
    const plaintext = t.bytes(32, 3);
    const { CiphertextBlob } = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
    await scheduleDeletion(t, key.KeyId, 7);
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(plaintext).toString('hex'), 'plaintext');
  },
});
