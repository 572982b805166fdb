import { defineCase } from '../../../harness/conformance/case.js';
import { expectDeletionDateFor, keyWithClock, scheduleDeletion, WINDOW_DOC } from './_support.js';

/** kms-facts.md: real KMS accepts PendingWindowInDays 7..30. */
export default defineCase({
  id: 'deletion.window-30-accepted',
  title: 'ScheduleKeyDeletion with PendingWindowInDays 30 is accepted at the upper bound: PendingDeletion, window 30, DeletionDate 30 days out',
  doc: WINDOW_DOC,
  source: {
    kind: 'documented',
    cite: 'service model: ScheduleKeyDeletionRequest.PendingWindowInDays ("between 7 and 30, inclusive")',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion', 'limits'],
  ops: ['CreateKey', 'ScheduleKeyDeletion'],
  async run(t) {
    const { key, clock } = await keyWithClock(t);
    const scheduledAt = clock.now();
    const out = await scheduleDeletion(t, key.KeyId, 30);
    t.expectEqual([out.KeyState, out.PendingWindowInDays], ['PendingDeletion', 30], '[KeyState, PendingWindowInDays] in the response');
    expectDeletionDateFor(t, out.DeletionDate, scheduledAt, 30);
  },
});
