import { describe, HOW_IT_WORKS_DOC } from './_support.js';
import { deletionDateCase } from './_deletion-date.js';
import { documented } from '../_lib/sources.js';

/** The key is kept for the whole waiting period: one minute before DeletionDate it still exists. */
export default deletionDateCase({
  behaviour: 'not-deleted-minute-before',
  title: 'One minute before DeletionDate the key still exists, PendingDeletion',
  doc: HOW_IT_WORKS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html (DeletionDate is at least the waiting period away)'),
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  offsetMs: -60_000,
  async after(t, key) {
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.KeyState, 'PendingDeletion', 'KeyState one minute before DeletionDate');
  },
});
