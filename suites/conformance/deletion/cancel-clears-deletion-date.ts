import { describe } from './_support.js';
import { cancelCase } from './_cancel.js';

/** aws-observed.md L4: no DeletionDate after CancelKeyDeletion. */
export default cancelCase({
  behaviour: 'clears-deletion-date',
  title: 'After CancelKeyDeletion, DescribeKey has no DeletionDate',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-DeletionDate',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §3 L4 (LS-TEST test_schedule_and_cancel_key_deletion)',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  async after(t, key) {
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.DeletionDate, undefined, 'DeletionDate after CancelKeyDeletion');
  },
});
