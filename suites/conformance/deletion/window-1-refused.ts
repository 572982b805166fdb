import { defineCase } from '../../../harness/conformance/case.js';
import { describe, scheduleDeletion, WINDOW_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md V6 (Skyscanner/kms-issuer#8): `PendingWindowInDays must be between 7 and 30`, HTTP 400. */
export default defineCase({
  id: 'deletion.window-1-refused',
  title: 'ScheduleKeyDeletion with PendingWindowInDays 1 is refused with "PendingWindowInDays must be between 7 and 30"',
  doc: WINDOW_DOC,
  source: recorded('spec/aws-observed.md §6.1 V6 (Skyscanner/kms-issuer#8)'),
  tags: ['deletion', 'limits'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(scheduleDeletion(t, key.KeyId, 1), {
      code: 'ValidationException',
      status: 400,
      message: 'PendingWindowInDays must be between 7 and 30',
    });
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.KeyState, 'Enabled', 'KeyState after the refused request');
  },
});
