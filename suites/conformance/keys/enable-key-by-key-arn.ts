import { DescribeKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { disabledKey } from '../key-state/_support.js';

export default defineCase({
  id: 'keys.enable-key-by-key-arn',
  title: 'EnableKey accepts the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html#KMS-EnableKey-request-KeyId',
  source: {
    kind: 'documented',
    cite: 'service model: EnableKeyRequest.KeyId (key ID or key ARN)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'DisableKey', 'EnableKey', 'DescribeKey'],
  async run(t) {
    const key = await disabledKey(t);
    await unthrottled(() => t.kms.send(new EnableKeyCommand({ KeyId: key.Arn })));
    t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.KeyState, 'Enabled', 'KeyState');
  },
});
