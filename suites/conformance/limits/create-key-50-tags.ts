/** 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags"). */
import { ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { tags } from './_tags-per-key.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.create-key-50-tags',
  title: 'CreateKey accepts 50 tags and ListResourceTags lists all 50',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags',
  source: documented('https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/allocation-tag-restrictions.html (maximum number of tags per resource: 50; linked from https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html)'),
  tags: ['limits', 'tags'],
  ops: ['CreateKey', 'ListResourceTags'],
  async run(t) {
    const key = await t.createKey({ Tags: tags(50) });
    const out = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 50 }));
    t.expectEqual(out.Tags?.length, 50, 'number of tags');
  },
});
