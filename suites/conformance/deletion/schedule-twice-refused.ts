import { defineCase } from '../../../harness/conformance/case.js';
import { describe, scheduleDeletion, SCHEDULE_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md S5: KMSInvalidStateException, message contains "is pending deletion"; the first schedule stands. */
export default defineCase({
  id: 'deletion.schedule-twice-refused',
  title: 'ScheduleKeyDeletion of a key already pending deletion is refused and keeps the first DeletionDate',
  doc: `${SCHEDULE_DOC}#API_ScheduleKeyDeletion_Errors`,
  source: recorded('spec/aws-observed.md §2.3 S5 (LS-TEST test_cant_delete_deleted_key)'),
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const first = await scheduleDeletion(t, key.KeyId, 7);
    await t.expectError(scheduleDeletion(t, key.KeyId, 30), { code: 'KMSInvalidStateException', status: 400, message: /is pending deletion/ });
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.DeletionDate?.getTime(), first.DeletionDate?.getTime(), 'DeletionDate after the refused second request');
  },
});
