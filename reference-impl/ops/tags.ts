/**
 * TagResource, UntagResource, ListResourceTags.
 *
 * @module
 */
import { TagException } from '../errors.js';
import { requireNotPendingDeletion } from '../keys/key-state.js';
import type { Tag } from '../keys/model.js';
import type { OpContext } from './context.js';
import { managedKey, requireCustomerManaged } from './keys.js';
import { tagMsg } from './messages.js';
import { page } from './pagination.js';

export const MAX_TAGS_PER_KEY = 50;

/**
 * Checks tags about to be added to a key that has `existing` tags; returns the merged list
 * (a new value replaces the old one for the same key, as TagResource does).
 * @throws TagException for reserved prefixes, duplicate keys in one request, or more than 50 tags.
 */
export function checkNewTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const t of added) {
    if (t.TagKey.toLowerCase().startsWith('aws:')) throw new TagException(tagMsg.reservedPrefix);
    if (seen.has(t.TagKey)) throw new TagException(tagMsg.duplicateKeys);
    seen.add(t.TagKey);
  }
  const merged = new Map(existing.map((t) => [t.TagKey, t.TagValue]));
  for (const t of added) merged.set(t.TagKey, t.TagValue);
  if (merged.size > MAX_TAGS_PER_KEY) throw new TagException(tagMsg.tooMany);
  return [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

export function tagResource(input: { KeyId: string; Tags: Tag[] }, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'TagResource');
  requireCustomerManaged(ctx, key, 'TagResource');
  requireNotPendingDeletion(key);
  checkNewTags(key.tags, input.Tags);
  ctx.keyring.update(key.keyId, (k) => {
    k.tags = checkNewTags(k.tags, input.Tags);
  });
  return {};
}

export function untagResource(input: { KeyId: string; TagKeys: string[] }, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'UntagResource');
  requireCustomerManaged(ctx, key, 'UntagResource');
  requireNotPendingDeletion(key);
  const remove = new Set(input.TagKeys);
  ctx.keyring.update(key.keyId, (k) => {
    k.tags = k.tags.filter((t) => !remove.has(t.TagKey));
  });
  return {};
}

export function listResourceTags(input: { KeyId: string; Limit?: number; Marker?: string }, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'ListResourceTags');
  // Tags come back in the order they were first added (aws-observed.md 4.3).
  const indexed = key.tags.map((t, i) => ({ t, pos: String(i).padStart(4, '0') }));
  const p = page(indexed, (e) => e.pos, input.Limit ?? 50, input.Marker);
  const tags = p.items.map((e) => e.t);
  return p.truncated ? { Tags: tags, NextMarker: p.nextMarker, Truncated: true } : { Tags: tags, Truncated: false };
}
