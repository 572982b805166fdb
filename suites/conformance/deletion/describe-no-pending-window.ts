import { defineCase } from '../../../harness/conformance/case.js';
import { describe } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { putInState } from '../key-state/_support.js';
import { documented } from '../_lib/sources.js';

/** aws-observed.md L5 (MODEL KeyMetadata doc): PendingDeletionWindowInDays only for PendingReplicaDeletion. */
export default defineCase({
  id: 'deletion.describe-no-pending-window',
  title: 'DescribeKey of a single-Region key pending deletion has no PendingDeletionWindowInDays',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-PendingDeletionWindowInDays',
  source: documented('service model: KeyMetadata.PendingDeletionWindowInDays ("present only when the KeyState ... is PendingReplicaDeletion"; spec/aws-observed.md §3 L5)'),
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await putInState(t, key, 'PendingDeletion');
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.PendingDeletionWindowInDays, undefined, 'PendingDeletionWindowInDays');
  },
});
