import { DescribeKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.disable-key-by-key-arn',
  title: 'DisableKey accepts the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html#KMS-DisableKey-request-KeyId',
  source: {
    kind: 'documented',
    cite: 'service model: DisableKeyRequest.KeyId (key ID or key ARN)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'DisableKey', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await unthrottled(() => t.kms.send(new DisableKeyCommand({ KeyId: key.Arn })));
    t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.KeyState, 'Disabled', 'KeyState');
  },
});
