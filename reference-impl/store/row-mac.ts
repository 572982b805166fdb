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

/** An alias row as stored (every column its tag covers, and the tag). */
export interface AliasRow {
  account: string;
  region: string;
  name: string;
  target_key_id: string | null;
  created_at: number;
  updated_at: number;
  tag?: Buffer | null;
}

/** The columns of a key row its integrity tag covers, and the tag. */
export interface KeyRow {
  key_id: string;
  account: string;
  region: string;
  doc: string;
  tag: Buffer | null;
}

export const keyTagFields = (r: Pick<KeyRow, 'key_id' | 'account' | 'region' | 'doc'>): RowField[] => [r.key_id, r.account, r.region, r.doc];
export const aliasTagFields = (r: AliasRow): RowField[] => [r.account, r.region, r.name, r.target_key_id, r.created_at, r.updated_at];

/** A stored row failed its integrity check or does not parse. The message names the row (for logs, not clients). */
export class DamagedRecordError extends Error {
  override readonly name = 'DamagedRecordError';
}
