import { DescribeKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.enable-key-already-enabled',
  title: 'EnableKey of an enabled key succeeds and changes nothing',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html#API_EnableKey_RequestParameters',
  source: {
    kind: 'documented',
    cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (EnableKey ✓ while Enabled)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'EnableKey', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await unthrottled(() => t.kms.send(new EnableKeyCommand({ KeyId: key.KeyId })));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual([m?.Enabled, m?.KeyState], [true, 'Enabled'], 'Enabled and KeyState');
  },
});
