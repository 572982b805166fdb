/** 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags"). */
import { TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { fiftyTagsOf, keyWithFiftyTags } from './_tags-per-key.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.tag-resource-retag-at-50',
  title: 'On a key with 50 tags, TagResource may still change the value of an existing tag key',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags',
  source: documented('https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/allocation-tag-restrictions.html (each tag key has one value: re-tagging an existing key does not add a tag)'),
  tags: ['limits', 'tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await keyWithFiftyTags(t);
    await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'k07', TagValue: 'changed' }] })));
    const listed = await fiftyTagsOf(t, key.KeyId);
    t.expectEqual(listed?.length, 50, 'number of tags');
    t.expectEqual(listed?.find((tag) => tag.TagKey === 'k07')?.TagValue, 'changed', 'value of k07');
  },
});
