import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { requireClock } from '../rotation/_support.js';
import { describe, expectDeletionDateFor, HOW_IT_WORKS_DOC, keyWithClock, scheduleDeletion } from './_support.js';
import { documented } from '../_lib/sources.js';

/** Default 30-day window: the key exists a minute before DeletionDate and is gone a minute after. */
export default defineCase({
  id: 'deletion.default-window-deleted-at-date',
  title: 'With the default window the key is deleted at its DeletionDate (30 days), not before',
  doc: HOW_IT_WORKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html (deleted after the waiting period, not before)'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'the deletion date');
    const { key, clock } = await keyWithClock(t);
    const scheduledAt = clock.now();
    const { DeletionDate } = await scheduleDeletion(t, key.KeyId);
    expectDeletionDateFor(t, DeletionDate, scheduledAt, 30);
    await clock.advanceTo(t, DeletionDate!, -60_000);
    t.expectEqual((await describe(t, key.KeyId)).KeyState, 'PendingDeletion', 'KeyState one minute before DeletionDate');
    await clock.advanceTo(t, DeletionDate!, 60_000);
    await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), { code: 'NotFoundException', status: 400 });
  },
});
