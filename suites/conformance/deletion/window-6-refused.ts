import { defineCase } from '../../../harness/conformance/case.js';
import { describe, scheduleDeletion, WINDOW_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/**
 * kms-facts.md: PendingWindowInDays outside 7..30 → ValidationException, although the model allows
 * 1..365. The observed wording (aws-observed.md V6) was recorded for 1 day only, so for 6 the
 * code is asserted, not the text. The key must stay Enabled.
 */
export default defineCase({
  id: 'deletion.window-6-refused',
  title: 'ScheduleKeyDeletion with PendingWindowInDays 6 is refused with ValidationException and the key stays Enabled',
  doc: WINDOW_DOC,
  source: {
    kind: 'inferred',
    cite: 'service model: ScheduleKeyDeletionRequest.PendingWindowInDays ("between 7 and 30"); ValidationException recorded for 1 day only (spec/aws-observed.md §6.1 V6): code by analogy',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion', 'limits'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(scheduleDeletion(t, key.KeyId, 6), { code: 'ValidationException', status: 400 });
    const m = await describe(t, key.KeyId);
    t.expectEqual([m.KeyState, m.DeletionDate], ['Enabled', undefined], '[KeyState, DeletionDate] after the refused request');
  },
});
