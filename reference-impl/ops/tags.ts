/**
 * TagResource, UntagResource, ListResourceTags.
 *
 * @module
 */
import { requireNotPendingDeletion } from '../keys/key-state.js';
import type { ListResourceTagsRequest, TagResourceRequest, UntagResourceRequest } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { checkNewTags, customerManagedKey, managedKey } from './guards.js';
import { page } from '../reply/pagination.js';

export function tagResource(input: TagResourceRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'TagResource');
  requireNotPendingDeletion(key);
  checkNewTags(key.tags, input.Tags);
  ctx.keyring.update(key, (k) => {
    k.tags = checkNewTags(k.tags, input.Tags);
  });
  return {};
}

export function untagResource(input: UntagResourceRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'UntagResource');
  requireNotPendingDeletion(key);
  const remove = new Set(input.TagKeys);
  ctx.keyring.update(key, (k) => {
    k.tags = k.tags.filter((t) => !remove.has(t.TagKey));
  });
  return {};
}

export function listResourceTags(input: ListResourceTagsRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'ListResourceTags');
  // Tags come back in the order they were first added (aws-observed.md 4.3).
  const indexed = key.tags.map((t, i) => ({ t, pos: String(i).padStart(4, '0') }));
  const p = page(indexed, (e) => e.pos, input.Limit ?? 50, input.Marker);
  const tags = p.items.map((e) => e.t);
  return p.truncated ? { Tags: tags, NextMarker: p.nextMarker, Truncated: true } : { Tags: tags, Truncated: false };
}
