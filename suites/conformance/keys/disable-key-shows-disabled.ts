import { DescribeKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.disable-key-shows-disabled',
  title: 'DisableKey answers an empty result; DescribeKey then shows Enabled false and KeyState Disabled (L1)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html#API_DisableKey_ResponseElements',
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §3 L1 (LS-TEST test_disable_and_enable_key); empty result: EX DisableKey',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'DisableKey', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    const out = await unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })));
    t.expectEqual(members(out), [], 'DisableKey output members');
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual([m?.Enabled, m?.KeyState], [false, 'Disabled'], 'Enabled and KeyState after DisableKey');
  },
});
