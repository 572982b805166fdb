/**
 * Integrity tags of stored rows: HMAC-SHA256, under a key derived from the master key
 * (hsm/key-check.ts `rowMacKey`), of a row's kind and every column that holds its meaning, each
 * length-prefixed (so no two rows encode alike). A key record's tag covers its id, account,
 * Region and JSON document; an alias row's tag covers all its columns. A bit flipped anywhere in
 * them (by a disk, or by hand) no longer matches, so the row is refused instead of served.
 *
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type RowField = string | number | null;

export const TAG_LENGTH = 32;

/** The tag of one row: `kind` (`key`, `alias`) and its fields in a fixed order. */
export function rowTag(macKey: Buffer, kind: string, fields: readonly RowField[]): Buffer {
  const h = createHmac('sha256', macKey);
  h.update(encodeField(kind));
  for (const f of fields) h.update(encodeField(f));
  return h.digest();
}

export function tagMatches(macKey: Buffer, kind: string, fields: readonly RowField[], tag: Buffer | null | undefined): boolean {
  if (!tag || tag.length !== TAG_LENGTH) return false;
  return timingSafeEqual(rowTag(macKey, kind, fields), tag);
}

const NULL = Buffer.from([0xff, 0xff, 0xff, 0xff]);

function encodeField(f: RowField): Buffer {
  if (f === null) return NULL;
  const text = typeof f === 'number' ? `#${f}` : f;
  const body = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(4 + body.length);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}
