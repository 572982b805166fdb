/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.tag-resource-empty-result',
  title: 'TagResource answers an empty result',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_ResponseElements',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_ResponseElements (HTTP 200, empty body)'),
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource'],
  async run(t) {
    const key = await givenKey(t);
    const out = await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('Purpose', 'Test')] })));
    t.expectEqual(members(out), [], 'TagResource output members');
  },
});
