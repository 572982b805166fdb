import { DecryptCommand } from '@aws-sdk/client-kms';
import { givenCiphertext } from '../_lib/prerequisites.js';
import { deletionDateCase } from './_deletion-date.js';
import { documented } from '../_lib/sources.js';
import { refused } from '../_lib/support.js';

/**
 * "After a KMS key is deleted, you can no longer decrypt the data that was encrypted under it"
 * (developer guide). Which error AWS answers for a blob of a deleted key is not recorded, so any
 * client error (HTTP 400) passes except KMSInvalidStateException — that one means the key still
 * exists (pending deletion), which it must not after its DeletionDate.
 */
export default deletionDateCase<Uint8Array | undefined>({
  behaviour: 'deleted-after-window-ciphertext-undecryptable',
  title: 'Once the key is deleted, its ciphertext no longer decrypts',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html (data encrypted under a deleted key is unrecoverable); the code is not recorded: any 400 but KMSInvalidStateException'),
  ops: ['CreateKey', 'Encrypt', 'ScheduleKeyDeletion', 'Decrypt'],
  before: (t, key) => givenCiphertext(t, key.KeyId),
  async after(t, _key, CiphertextBlob) {
    const r = await refused(t, t.kms.send(new DecryptCommand({ CiphertextBlob })), 'Decrypt of a deleted key\'s ciphertext');
    t.expectEqual(r.status, 400, `HTTP status of the refusal (${r.code})`);
    t.check(r.code !== 'KMSInvalidStateException', 'the refusal is not a key-state error (the key must be gone, not pending deletion)', r);
  },
});
