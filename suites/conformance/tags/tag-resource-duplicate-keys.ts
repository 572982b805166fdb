/** TagException rules (aws-observed.md §6.3, recorded on AWS): duplicate keys, reserved aws: prefix. */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.tag-resource-duplicate-keys',
  title: 'TagResource with the same TagKey twice: TagException "Duplicate tag keys", nothing added',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_Errors',
  source: recorded('spec/aws-observed.md §6.3 (LS-SNAP test_tag_key_with_duplicate_tag_keys_raises_error)', { verifiedAt: '2025-01-17' }),
  tags: ['tags'],
  ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(
      unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'dup', TagValue: '1' }, { TagKey: 'dup', TagValue: '2' }] }))),
      { code: 'TagException', status: 400, message: 'Duplicate tag keys' },
    );
    t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [], 'Tags');
  },
});
