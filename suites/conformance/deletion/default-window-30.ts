import { defineCase } from '../../../harness/conformance/case.js';
import { expectDeletionDateFor, keyWithClock, scheduleDeletion, WINDOW_DOC } from './_support.js';
import { documented } from '../_lib/sources.js';

/** kms-facts.md and the API reference: "If you omit this parameter, ... 30 days". */
export default defineCase({
  id: 'deletion.default-window-30',
  title: 'ScheduleKeyDeletion without PendingWindowInDays uses 30 days',
  doc: WINDOW_DOC,
  source: documented('service model: ScheduleKeyDeletionRequest.PendingWindowInDays ("If you do not include a value, it defaults to 30"); DeletionDate up to 24 hours later: developer guide deleting-keys'),
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
