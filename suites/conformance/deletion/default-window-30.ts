import { defineCase } from '../../../harness/conformance/case.js';
import { expectDeletionDateFor, keyWithClock, scheduleDeletion, WINDOW_DOC } from './_support.js';

/** kms-facts.md and the API reference: "If you omit this parameter, ... 30 days". */
export default defineCase({
  id: 'deletion.default-window-30',
  title: 'ScheduleKeyDeletion without PendingWindowInDays uses 30 days',
  doc: WINDOW_DOC,
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion'],
  async run(t) {
    const { key, clock } = await keyWithClock(t);
    const scheduledAt = clock.now();
    const out = await scheduleDeletion(t, key.KeyId);
    t.expectEqual(out.PendingWindowInDays, 30, 'PendingWindowInDays in the response');
    expectDeletionDateFor(t, out.DeletionDate, scheduledAt, 30);
  },
});
