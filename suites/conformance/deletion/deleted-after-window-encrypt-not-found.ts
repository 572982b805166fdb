import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { requireClock } from '../rotation/_support.js';
import { HOW_IT_WORKS_DOC, keyWithClock, givenScheduled } from './_support.js';

export default defineCase({
  id: 'deletion.deleted-after-window-encrypt-not-found',
  title: 'Once the clock passes DeletionDate, Encrypt under the key answers NotFoundException',
  doc: HOW_IT_WORKS_DOC,
  source: {
    kind: 'inferred',
    cite: 'a deleted key no longer exists, so it is answered like an absent key (spec/aws-observed.md §1 N1); no capture of a deleted key',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'Encrypt'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'the deletion date');
    const { key, clock } = await keyWithClock(t);
    const { DeletionDate } = await givenScheduled(t, key.KeyId, 7);
    await clock.advanceTo(t, DeletionDate!, 60_000);
    await t.expectError(t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(8) })), { code: 'NotFoundException', status: 400 });
  },
});
