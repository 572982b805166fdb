import { ListResourceTagsCommand, UntagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { inferred } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.untag-resource-absent-tag-key',
  title: 'UntagResource of a tag key the key does not have succeeds and changes nothing',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#KMS-UntagResource-request-TagKeys',
  source: inferred('spec/aws-observed.md §6.3: "succeeds silently" comes from a localstack provider comment, not a capture'),
  tags: ['tags'],
  ops: ['CreateKey', 'UntagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t, { Tags: [tag('a')] });
    await unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId: key.Arn, TagKeys: ['not-there'] })));
    t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [tag('a')], 'Tags');
  },
});
