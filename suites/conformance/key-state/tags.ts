import { ListResourceTagsCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import { settle, stateCase, type Key, type StateName } from './_support.js';

const tagDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_Errors';
const untagDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html#API_UntagResource_Errors';

const tagKeys = async (t: CaseContext, key: Key) =>
  ((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags ?? []).map((x) => `${x.TagKey}=${x.TagValue}`).sort();

/** Tags are managed in every state but PendingDeletion (aws-observed.md §2.2; PendingDeletion [3], code only). */
const allowed = (state: StateName) =>
  stateCase({
    state,
    behaviour: 'tag-resource-allowed',
    title: `TagResource on a ${state} key succeeds and ListResourceTags shows the tag`,
    doc: tagDoc,
    ops: ['TagResource', 'ListResourceTags'],
    async body(t, key) {
      await t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'state', TagValue: state }] }));
      const tags = await settle(() => tagKeys(t, key), (v) => v.length > 0);
      t.expectEqual(tags, [`state=${state}`], 'tags after TagResource');
    },
  });

export default [
  allowed('Disabled'),
  allowed('PendingImport'),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'tag-resource-refused',
    title: 'TagResource on a key pending deletion is refused with KMSInvalidStateException',
    doc: tagDoc,
    ops: ['TagResource'],
    async body(t, key) {
      await t.expectError(t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'k', TagValue: 'v' }] })), {
        code: 'KMSInvalidStateException',
        status: 400,
      });
    },
  }),
  stateCase({
    state: 'Disabled',
    behaviour: 'untag-resource-allowed',
    title: 'UntagResource on a Disabled key succeeds and the tag is gone',
    doc: untagDoc,
    ops: ['TagResource', 'UntagResource', 'ListResourceTags'],
    async before(t, key) {
      await t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'a', TagValue: '1' }, { TagKey: 'b', TagValue: '2' }] }));
    },
    async body(t, key) {
      await t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a'] }));
      const tags = await settle(() => tagKeys(t, key), (v) => v.length === 1);
      t.expectEqual(tags, ['b=2'], 'tags after UntagResource');
    },
  }),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'untag-resource-refused',
    title: 'UntagResource on a key pending deletion is refused with KMSInvalidStateException',
    doc: untagDoc,
    ops: ['TagResource', 'UntagResource'],
    async before(t, key) {
      await t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'a', TagValue: '1' }] }));
    },
    async body(t, key) {
      await t.expectError(t.kms.send(new UntagResourceCommand({ KeyId: key.KeyId, TagKeys: ['a'] })), {
        code: 'KMSInvalidStateException',
        status: 400,
      });
    },
  }),
  stateCase({
    state: 'PendingDeletion',
    behaviour: 'list-resource-tags-allowed',
    title: 'ListResourceTags on a key pending deletion succeeds and lists its tags',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html',
    ops: ['TagResource', 'ListResourceTags'],
    async before(t, key) {
      await t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'owner', TagValue: 'conformance' }] }));
    },
    async body(t, key) {
      const tags = await settle(() => tagKeys(t, key), (v) => v.length > 0);
      t.expectEqual(tags, ['owner=conformance'], 'tags of the key pending deletion');
    },
  }),
];
