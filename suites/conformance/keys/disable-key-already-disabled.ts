import { DescribeKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { disabledKey } from '../key-state/_support.js';

export default defineCase({
  id: 'keys.disable-key-already-disabled',
  title: 'DisableKey of a disabled key succeeds and the key stays Disabled',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html#API_DisableKey_RequestParameters',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (DisableKey ✓ while Disabled)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'DisableKey', 'DescribeKey'],
  async run(t) {
    const key = await disabledKey(t);
    await unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId: key.KeyId })));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual([m?.Enabled, m?.KeyState], [false, 'Disabled'], 'Enabled and KeyState');
  },
});
