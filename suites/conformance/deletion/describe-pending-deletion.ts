import { defineCase } from '../../../harness/conformance/case.js';
import { describe, HOW_IT_WORKS_DOC, scheduleDeletion } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md L3: Enabled false, KeyState PendingDeletion, DeletionDate present. */
export default defineCase({
  id: 'deletion.describe-pending-deletion',
  title: 'DescribeKey of a scheduled key shows PendingDeletion, Enabled false and the scheduled DeletionDate',
  doc: HOW_IT_WORKS_DOC,
  source: recorded('spec/aws-observed.md §3 L3 (LS-TEST test_schedule_and_cancel_key_deletion)'),
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const out = await scheduleDeletion(t, key.KeyId, 7);
    const m = await describe(t, key.KeyId);
    t.expectEqual([m.KeyState, m.Enabled], ['PendingDeletion', false], '[KeyState, Enabled]');
    t.expectEqual(m.DeletionDate?.getTime(), out.DeletionDate?.getTime(), 'DeletionDate (same as ScheduleKeyDeletion answered)');
  },
});
