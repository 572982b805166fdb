/** TagResource / ListResourceTags: result shapes and what the listing shows (aws-observed.md §4.3). */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { byTagKey, tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.tag-keys-case-sensitive',
  title: 'Tag keys are case-sensitive: Env and env are two tags',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html#KMS-Type-Tag-TagKey',
  source: documented('https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/allocation-tag-restrictions.html ("Tag keys and values are case sensitive"; linked from https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html)'),
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t);
    await unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [tag('Env', 'prod'), tag('env', 'dev')] })));
    const listed = (await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags ?? [];
    t.expectEqual(byTagKey(listed), [tag('Env', 'prod'), tag('env', 'dev')], 'Tags (sorted by key)');
  },
});
