/**
 * Shared by the tags cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import type { CaseContext, CaseSource } from '../../../harness/conformance/case.js';
import { settle, stateCase, type Key, type StateName } from './_support.js';

export const tagDoc = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_Errors';

export const tagKeys = async (t: CaseContext, key: Key) =>
  ((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags ?? []).map((x) => `${x.TagKey}=${x.TagValue}`).sort();

/** Tags `key` (TagResource, the pairs in order) before it is put in its state: a `before` of stateCase. */
export async function tagBefore(t: CaseContext, key: Key, tags: Record<string, string>): Promise<void> {
  await t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) }));
}

/** Tags are managed in every state but PendingDeletion (aws-observed.md §2.2; PendingDeletion [3], code only). */
export const allowed = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'tag-resource-allowed',
    title: `TagResource on a ${state} key succeeds and ListResourceTags shows the tag`,
    doc: tagDoc,
    source,
    ops: ['TagResource', 'ListResourceTags'],
    async body(t, key) {
      await t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'state', TagValue: state }] }));
      const tags = await settle(() => tagKeys(t, key), (v) => v.length > 0);
      t.expectEqual(tags, [`state=${state}`], 'tags after TagResource');
    },
  });
