/** Description is 0..8192 characters (facts sheet; MODEL DescriptionType). */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { text } from './_description-length.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.create-key-description-8192',
  title: 'CreateKey accepts an 8192-character Description and keeps all of it',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Description',
  source: documented('service model: DescriptionType (0..8192)'),
  tags: ['limits'],
  ops: ['CreateKey', 'DescribeKey'],
  async run(t) {
    const key = await t.createKey({ Description: text(8192) });
    const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
    t.expectEqual(m?.Description?.length, 8192, 'Description length');
  },
});
