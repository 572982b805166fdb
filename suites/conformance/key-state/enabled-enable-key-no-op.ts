/** DisableKey / EnableKey on a key already in the target state are no-ops; other states refuse DisableKey (§2.2 [3], [5]; code only). */
import { DescribeKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'key-state.enabled-enable-key-no-op',
  title: 'EnableKey on an Enabled key succeeds and leaves it Enabled',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (EnableKey ✓ while Enabled)'),
  tags: ['key-state'],
  ops: ['CreateKey', 'EnableKey', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    t.expectEqual([m.KeyState, m.Enabled], ['Enabled', true], '[KeyState, Enabled]');
  },
});
