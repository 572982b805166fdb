import { ListResourceTagsCommand, UntagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { byTagKey, tag } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.untag-resource-removes-named',
  title: 'UntagResource answers an empty result and removes only the named tag keys',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#KMS-UntagResource-request-TagKeys',
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#KMS-UntagResource-request-TagKeys (no order of tags is documented: compared as a set)'),
  tags: ['tags'],
  ops: ['CreateKey', 'UntagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t, { Tags: [tag('a'), tag('b'), tag('c')] });
    const out = await unthrottled(() => t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['b'] })));
    t.expectEqual(members(out), [], 'UntagResource output members');
    t.expectEqual(byTagKey((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags), [tag('a'), tag('c')], 'Tags (sorted by key)');
  },
});
