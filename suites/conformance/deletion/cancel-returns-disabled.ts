import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { describe } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { putInState } from '../key-state/_support.js';

/** kms-facts.md: CancelKeyDeletion returns the key to Disabled, not Enabled (aws-observed.md L4; DG). */
export default defineCase({
  id: 'deletion.cancel-returns-disabled',
  title: 'CancelKeyDeletion leaves the key Disabled (Enabled false), not Enabled',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §3 L4; https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
    verifiedAt: '2026-12-07',
  },
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await putInState(t, key, 'PendingDeletion');
    await t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    const m = await describe(t, key.KeyId);
    t.expectEqual([m.KeyState, m.Enabled], ['Disabled', false], '[KeyState, Enabled] after CancelKeyDeletion');
  },
});
