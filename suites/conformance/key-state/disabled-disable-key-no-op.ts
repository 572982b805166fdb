/** DisableKey / EnableKey on a key already in the target state are no-ops; other states refuse DisableKey (§2.2 [3], [5]; code only). */
import { DescribeKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import { stateCase } from './_support.js';
import { documented } from '../_lib/sources.js';

export default stateCase({
  state: 'Disabled',
  behaviour: 'disable-key-no-op',
  title: 'DisableKey on a Disabled key succeeds and leaves it Disabled',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (DisableKey ✓ while Disabled)'),
  ops: ['DescribeKey'],
  async body(t, key) {
    await t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual([m.KeyState, m.Enabled], ['Disabled', false], '[KeyState, Enabled]');
  },
});
