import { ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { tags } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'tags.list-resource-tags-invalid-marker',
  title: 'ListResourceTags refuses a Marker it never issued with InvalidMarkerException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html#API_ListResourceTags_Errors',
  source: documented('service model: ListResourceTags errors (InvalidMarkerException); message not recorded (spec/aws-observed.md §6.2)'),
  tags: ['tags'],
  ops: ['CreateKey', 'ListResourceTags'],
  async run(t) {
    const key = await givenKey(t, { Tags: tags(3) });
    await t.expectError(t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Marker: 'kmsbench-not-a-marker' })), {
      code: 'InvalidMarkerException',
      status: 400,
    });
  },
});
