import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { describe } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { putInState } from '../key-state/_support.js';

/** aws-observed.md L4: no DeletionDate after CancelKeyDeletion. */
export default defineCase({
  id: 'deletion.cancel-clears-deletion-date',
  title: 'After CancelKeyDeletion, DescribeKey has no DeletionDate',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-DeletionDate',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §3 L4 (LS-TEST test_schedule_and_cancel_key_deletion)',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await putInState(t, key, 'PendingDeletion');
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.DeletionDate, undefined, 'DeletionDate after CancelKeyDeletion');
  },
});
