import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { requireClock } from '../rotation/_support.js';
import { DAY_MS, describe, keyWithClock, givenScheduled } from './_support.js';

/** A cancelled deletion is cancelled: the key outlives its former DeletionDate, Disabled. */
export default defineCase({
  id: 'deletion.cancelled-not-deleted',
  title: 'A key whose deletion was cancelled still exists, Disabled, a day after its former DeletionDate',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: {
    kind: 'documented',
    cite: 'service model: CancelKeyDeletion doc; https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  flags: ['needs-clock'],
  async run(t) {
    requireClock(t, 'the deletion date');
    const { key, clock } = await keyWithClock(t);
    const { DeletionDate } = await givenScheduled(t, key.KeyId, 7);
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    await clock.advanceTo(t, DeletionDate!, DAY_MS);
    const m = await describe(t, key.KeyId);
    t.expectEqual(m.KeyState, 'Disabled', 'KeyState a day after the former DeletionDate');
  },
});
