import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.update-key-description-by-key-arn',
  title: 'UpdateKeyDescription accepts the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-KeyId',
  source: {
    kind: 'documented',
    cite: 'service model: UpdateKeyDescriptionRequest.KeyId (key ID or key ARN)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t, { Description: 'before' });
    await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.Arn, Description: 'after, by ARN' })));
    t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, 'after, by ARN', 'Description');
  },
});
