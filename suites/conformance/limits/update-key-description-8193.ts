/** Description is 0..8192 characters (facts sheet; MODEL DescriptionType). */
import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { text } from './_description-length.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.update-key-description-8193',
  title: 'UpdateKeyDescription refuses 8193 characters with ValidationException and keeps the old text',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-Description',
  source: inferred('service model: DescriptionType (max 8192); ValidationException by analogy with recorded length violations (spec/aws-observed.md §6.1 V17), wording not recorded'),
  tags: ['limits'],
  ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t, { Description: 'unchanged' });
    await t.expectError(unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: text(8193) }))), {
      code: 'ValidationException',
      status: 400,
    });
    t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, 'unchanged', 'Description');
  },
});
