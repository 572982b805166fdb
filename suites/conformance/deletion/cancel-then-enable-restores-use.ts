import { DecryptCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { cancelCase } from './_cancel.js';
import { documented } from '../_lib/sources.js';

/** Cancelling deletion recovers the key: after EnableKey, ciphertext made before the schedule decrypts. */
export default cancelCase<{ plaintext: Uint8Array; CiphertextBlob: Uint8Array | undefined }>({
  behaviour: 'then-enable-restores-use',
  title: 'After CancelKeyDeletion and EnableKey, ciphertext made before the schedule decrypts again',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html (a cancelled key is Disabled; enable it to use it)'),
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'Encrypt', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKey', 'Decrypt'],
  async before(t, key) {
    const plaintext = t.bytes(32, 3);
    return { plaintext, CiphertextBlob: await givenCiphertext(t, key.KeyId, { plaintext }) };
  },
  async after(t, key, _reply, { plaintext, CiphertextBlob }) {
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    const out = await t.kms.send(new DecryptCommand({ CiphertextBlob }));
    t.expectEqual(Buffer.from(out.Plaintext!).toString('hex'), Buffer.from(plaintext).toString('hex'), 'plaintext');
  },
});
