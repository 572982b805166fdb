/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.tag-resource-by-key-arn',
  title: 'TagResource and ListResourceTags accept the key ARN',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#KMS-TagResource-request-KeyId',
  source: documented('service model: TagResourceRequest.KeyId, ListResourceTagsRequest.KeyId (key ID or key ARN)'),
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t);
    await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.Arn, Tags: [tag('by', 'arn')] })));
    t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.Arn }))).Tags, [tag('by', 'arn')], 'Tags');
  },
});
