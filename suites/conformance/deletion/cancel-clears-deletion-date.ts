import { describe } from './_support.js';
import { cancelCase } from './_cancel.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md L4: no DeletionDate after CancelKeyDeletion. */
export default cancelCase({
  behaviour: 'clears-deletion-date',
  title: 'After CancelKeyDeletion, DescribeKey has no DeletionDate',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-DeletionDate',
  source: recorded('spec/aws-observed.md §3 L4 (LS-TEST test_schedule_and_cancel_key_deletion)'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  async after(t, key) {
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.DeletionDate, undefined, 'DeletionDate after CancelKeyDeletion');
  },
});
