/** Description is 0..8192 characters (facts sheet; MODEL DescriptionType). */
import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { text } from './_description-length.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.update-key-description-8192',
  title: 'UpdateKeyDescription accepts an 8192-character Description',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-Description',
  source: documented('service model: DescriptionType (0..8192)'),
  tags: ['limits'],
  ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: text(8192) })));
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual(m?.Description?.length, 8192, 'Description length');
  },
});
