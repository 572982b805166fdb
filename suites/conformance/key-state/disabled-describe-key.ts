/** DescribeKey works in every state (aws-observed.md §2.2) and shows it (L1, L6). */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default stateCase({
  state: 'Disabled',
  behaviour: 'describe-key',
  title: 'DescribeKey of a Disabled key succeeds with KeyState Disabled and Enabled false',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html#KMS-Type-KeyMetadata-KeyState',
  source: recorded('spec/aws-observed.md §3 L1 (LS-TEST test_disable_and_enable_key)'),
  ops: ['DescribeKey'],
  async body(t, key) {
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual(m.KeyState, 'Disabled', 'KeyState');
    t.expectEqual(m.Enabled, false, 'Enabled');
  },
});
