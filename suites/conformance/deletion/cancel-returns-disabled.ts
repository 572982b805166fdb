import { describe } from './_support.js';
import { cancelCase } from './_cancel.js';
import { recorded } from '../_lib/sources.js';

/** kms-facts.md: CancelKeyDeletion returns the key to Disabled, not Enabled (aws-observed.md L4; DG). */
export default cancelCase({
  behaviour: 'returns-disabled',
  title: 'CancelKeyDeletion leaves the key Disabled (Enabled false), not Enabled',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  source: recorded('spec/aws-observed.md §3 L4; https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html'),
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'DescribeKey'],
  async after(t, key) {
    const m = await describe(t, key.KeyId);
    t.expectEqual([m.KeyState, m.Enabled], ['Disabled', false], '[KeyState, Enabled] after CancelKeyDeletion');
  },
});
