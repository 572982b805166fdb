import { ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { byTagKey, tag } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.create-key-tags-listed',
  title: 'Tags given to CreateKey are listed by ListResourceTags, exactly those (in any order)',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Tags',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Tags (no order of tags is documented: compared as a set)'),
  tags: ['tags'],
  ops: ['CreateKey', 'ListResourceTags'],
  async run(t) {
    const tags = [tag('alpha', '1'), tag('beta', '2'), tag('gamma', '3')];
    const key = await t.createKey({ Tags: tags });
    t.expectEqual(byTagKey((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags), byTagKey(tags), 'Tags (sorted by key)');
  },
});
