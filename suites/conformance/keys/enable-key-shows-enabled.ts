import { DescribeKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { disabledKey } from '../key-state/_support.js';

export default defineCase({
  id: 'keys.enable-key-shows-enabled',
  title: 'EnableKey of a disabled key answers an empty result; DescribeKey then shows Enabled true, KeyState Enabled (L2)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html#API_EnableKey_ResponseElements',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §3 L2 (LS-TEST test_disable_and_enable_key); empty result: EX EnableKey',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'DisableKey', 'EnableKey', 'DescribeKey'],
  async run(t) {
    const key = await disabledKey(t);
    const out = await unthrottled(() => t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })));
    t.expectEqual(members(out), [], 'EnableKey output members');
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual([m?.Enabled, m?.KeyState], [true, 'Enabled'], 'Enabled and KeyState after EnableKey');
  },
});
