/**
 * Helpers for the tag cases. Not a case file: it has no default export.
 *
 * KMS documents no order for the tags ListResourceTags answers (API reference, ListResourceTags;
 * aws-observed.md §4.3 saw key order once, which is an observation, not a promise), so listings
 * are compared as sets: sorted by TagKey on both sides ({@link byTagKey}).
 *
 * @module
 */

/** A tag; its value defaults to `<key>-value`. */
export const tag = (TagKey: string, TagValue = `${TagKey}-value`) => ({ TagKey, TagValue });

/** `n` tags t00=v0, t01=v1, ... */
export const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ TagKey: `t${String(i).padStart(2, '0')}`, TagValue: `v${i}` }));

/** A copy of `list` sorted by TagKey (by UTF-16 code units, so `Env` and `env` are two keys in a fixed order). */
export function byTagKey<T extends { TagKey?: string }>(list: readonly T[] | undefined): T[] {
  const key = (x: T) => x.TagKey ?? '';
  return [...(list ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
