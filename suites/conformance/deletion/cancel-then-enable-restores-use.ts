import { CancelKeyDeletionCommand, DecryptCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenCiphertext, givenKey } from '../_lib/prerequisites.js';
import { putInState } from '../key-state/_support.js';

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
    const key = await givenKey(t);
    const plaintext = t.bytes(32, 3);
    const CiphertextBlob = await givenCiphertext(t, key.KeyId, { plaintext });
    await putInState(t, key, 'PendingDeletion');
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(plaintext).toString('hex'), 'plaintext');
  },
});
