import { defineCase } from '../../../harness/conformance/case.js';
import { requireClock } from '../rotation/_support.js';
import { describe, HOW_IT_WORKS_DOC, keyWithClock, givenScheduled } from './_support.js';

/** The key is kept for the whole waiting period: one minute before DeletionDate it still exists. */
export default defineCase({
  id: 'deletion.not-deleted-minute-before',
  title: 'One minute before DeletionDate the key still exists, PendingDeletion',
  doc: HOW_IT_WORKS_DOC,
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html (DeletionDate is at least the waiting period away)',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'the deletion date');
    const { key, clock } = await keyWithClock(t);
    const { DeletionDate } = await givenScheduled(t, key.KeyId, 7);
    await clock.advanceTo(t, DeletionDate!, -60_000);
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.KeyState, 'PendingDeletion', 'KeyState one minute before DeletionDate');
  },
});
