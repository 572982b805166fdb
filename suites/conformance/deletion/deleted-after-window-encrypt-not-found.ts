import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { HOW_IT_WORKS_DOC, keyWithClock, scheduleDeletion } from './_support.js';

export default defineCase({
  id: 'deletion.deleted-after-window-encrypt-not-found',
  title: 'Once the clock passes DeletionDate, Encrypt under the key answers NotFoundException',
  doc: HOW_IT_WORKS_DOC,
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'Encrypt'],
  flags: ['needs-clock'],
  async run(t) {
    const { key, clock } = await keyWithClock(t);
    const { DeletionDate } = await scheduleDeletion(t, key.KeyId, 7);
    await clock.advanceTo(t, DeletionDate!, 60_000);
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'NotFoundException', status: 400 });
  },
});
