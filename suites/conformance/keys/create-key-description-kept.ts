import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'keys.create-key-description-kept',
  title: 'The Description given to CreateKey comes back unchanged in CreateKey and DescribeKey',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Description',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Description'),
  tags: ['semantics'],
  ops: ['CreateKey', 'DescribeKey'],
  async run(t) {
    const text = 'kmsbench: payments key — déjà vu, 日本語, "quotes" & <angles>';
    const key = await t.createKey({ Description: text });
    t.expectEqual(key.Description, text, 'CreateKey Description');
    const described = await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }));
    t.expectEqual(described.KeyMetadata?.Description, text, 'DescribeKey Description');
  },
});
