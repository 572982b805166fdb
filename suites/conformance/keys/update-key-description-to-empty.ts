import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'keys.update-key-description-to-empty',
  title: 'UpdateKeyDescription accepts an empty Description (length 0..8192) and DescribeKey shows ""',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-Description',
  source: {
    kind: 'documented',
    cite: 'service model: DescriptionType (length 0..8192)',
    verifiedAt: '2026-12-07',
  },
  tags: ['semantics'],
  ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t, { Description: 'something' });
    await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: '' })));
    t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, '', 'Description');
  },
});
