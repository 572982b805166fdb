/** 50 tags per key (facts sheet; aws-observed.md §6.3: 51 on CreateKey → TagException "Too many tags"). */
import { TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { expectOneOf, unthrottled } from '../_lib/support.js';
import { fiftyTagsOf, keyWithFiftyTags } from './_tags-per-key.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'limits.tag-resource-51st-tag',
  title: 'TagResource refuses a tag that would be the 51st on the key, and the key keeps its 50',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-Tags',
  source: inferred('"Too many tags" is recorded for CreateKey only (spec/aws-observed.md §6.3); TagResource\'s model errors also list LimitExceededException: either code'),
  tags: ['limits', 'tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    // Recorded only for CreateKey; TagResource's model also lists LimitExceededException: either code.
    const key = await keyWithFiftyTags(t);
    await expectOneOf(t, unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'one-more', TagValue: 'x' }] }))), [
      'TagException',
      'LimitExceededException',
    ], 'TagResource');
    const listed = await fiftyTagsOf(t, key.KeyId);
    t.check((listed ?? []).every((tag) => tag.TagKey !== 'one-more'), 'the 51st tag was not added', listed?.length);
  },
});
