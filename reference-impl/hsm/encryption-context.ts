/**
 * Encryption context → AAD bytes.
 *
 * AWS binds the encryption context (a string→string map) to the ciphertext as additional
 * authenticated data: decrypting needs the same pairs, exact and case-sensitive, in any order.
 * An absent context and an empty one are the same context (no pairs), so both encode to zero
 * bytes.
 *
 * Canonical encoding (what the server uses):
 *
 * ```
 * for each (key, value), sorted by the key's UTF-8 bytes:
 *   u32 BE  byte length of key (UTF-8)
 *   bytes   key (UTF-8)
 *   u32 BE  byte length of value (UTF-8)
 *   bytes   value (UTF-8)
 * ```
 *
 * Every field is length-prefixed, so the encoding is injective: `{"ab":"c"}` and `{"a":"bc"}`
 * differ, and so do any two maps with different pairs. Sorting makes it order-independent.
 * Strings must be well-formed Unicode: a lone surrogate has no UTF-8 form (Node would turn it
 * into U+FFFD, so two different strings would encode alike) and is rejected.
 *
 * {@link concatEncryptionContext} is the deliberately broken encoder behind the test-only
 * fault mode `--fault ec-concat`. The encoder is chosen by the caller; the HSM's symmetric
 * functions only take the resulting bytes.
 *
 * @module
 */

import { KMSInternalException, ValidationException } from '../errors.js';

/** A KMS encryption context as it arrives from the wire (JSON object of strings). */
export type EncryptionContext = Readonly<Record<string, string>>;

/** Turns an encryption context into AAD bytes. `undefined` means "no context given". */
export type EncryptionContextEncoder = (context: EncryptionContext | undefined) => Buffer;

const EMPTY = Buffer.alloc(0);

/** Message for an ill-formed key or value; never includes the strings themselves. */
export const ILL_FORMED_CONTEXT_MESSAGE = 'Encryption context keys and values must be well-formed Unicode strings';

type WellFormedString = string & { isWellFormed(): boolean };

const illFormed = (): never => {
  throw new ValidationException(ILL_FORMED_CONTEXT_MESSAGE);
};

/** Strings up to this many code units are UTF-8-encoded in JS; longer ones by `Buffer#write`. */
const SHORT_STRING = 64;

/**
 * Writes `s` as UTF-8 at `o` and returns the byte count; `out` must have room for
 * 3 bytes per UTF-16 code unit. Rejects lone surrogates. For the short keys and values
 * contexts usually hold, a JS loop is several times cheaper than a `Buffer#write` call.
 */
function writeUtf8(s: string, out: Buffer, o: number): number {
  const n = s.length;
  if (n > SHORT_STRING) {
    if (!(s as WellFormedString).isWellFormed()) illFormed();
    return out.write(s, o, 'utf8');
  }
  let p = o;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 0x3f);
      out[p++] = 0x80 | (c & 0x3f);
    } else {
      // Surrogates: a high one followed by a low one, else ill-formed.
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || d < 0xdc00 || d > 0xdfff) illFormed();
      i++;
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      out[p++] = 0xf0 | (cp >> 18);
      out[p++] = 0x80 | ((cp >> 12) & 0x3f);
      out[p++] = 0x80 | ((cp >> 6) & 0x3f);
      out[p++] = 0x80 | (cp & 0x3f);
    }
  }
  return p - o;
}

/**
 * Orders two well-formed strings as their UTF-8 bytes would sort (= code point order).
 * Plain `<` compares UTF-16 code units, which misorders astral characters (surrogates,
 * 0xD800–0xDFFF) against U+E000–U+FFFF; remap code units so surrogates sort above them.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * The canonical, injective, order-independent encoding (see module docs).
 * `{}` and `undefined` both give an empty buffer.
 *
 * @throws ValidationException if a key or value is not well-formed Unicode.
 * @throws KMSInternalException if the context is not a string→string object (caller bug).
 */
export function encodeEncryptionContext(context: EncryptionContext | undefined): Buffer {
  if (context === undefined || context === null) return EMPTY;
  if (typeof context !== 'object' || Array.isArray(context)) {
    throw new KMSInternalException('encryption context is not an object');
  }
  const keys = Object.keys(context);
  if (keys.length === 0) return EMPTY;
  let bound = 0;
  for (const k of keys) {
    const v: unknown = context[k];
    if (typeof v !== 'string') {
      // The protocol layer must hand over strings only; anything else is a server bug.
      throw new KMSInternalException('encryption context value is not a string');
    }
    bound += 8 + 3 * (k.length + v.length); // UTF-8 needs at most 3 bytes per UTF-16 unit
  }
  if (keys.length > 1) keys.sort(compareUtf8);
  // Not secret, so Node's shared pool is fine; the unused tail of the bound is cut off.
  const out = Buffer.allocUnsafe(bound);
  let o = 0;
  for (const k of keys) {
    const kl = writeUtf8(k, out, o + 4);
    out.writeUInt32BE(kl, o);
    o += 4 + kl;
    const vl = writeUtf8(context[k]!, out, o + 4);
    out.writeUInt32BE(vl, o);
    o += 4 + vl;
  }
  return out.subarray(0, o);
}

/**
 * DELIBERATELY BROKEN (fault mode `ec-concat`): keys and values concatenated in insertion
 * order, no lengths, no sorting. `{"ab":"c"}` and `{"a":"bc"}` encode alike, and the same
 * map given in another order encodes differently. Never use outside fault injection.
 */
export function concatEncryptionContext(context: EncryptionContext | undefined): Buffer {
  if (context === undefined || context === null) return EMPTY;
  let s = '';
  for (const [k, v] of Object.entries(context)) s += k + v;
  return Buffer.from(s, 'utf8');
}

/** The encoders a caller can select (`canonical` unless a fault mode says otherwise). */
export const ENCRYPTION_CONTEXT_ENCODERS = {
  canonical: encodeEncryptionContext,
  'ec-concat': concatEncryptionContext,
} as const satisfies Record<string, EncryptionContextEncoder>;

export type EncryptionContextEncoding = keyof typeof ENCRYPTION_CONTEXT_ENCODERS;

/** The encoder for a mode name; the canonical one when none is given. */
export function selectEncryptionContextEncoder(mode: EncryptionContextEncoding = 'canonical'): EncryptionContextEncoder {
  const enc = ENCRYPTION_CONTEXT_ENCODERS[mode];
  if (!enc) throw new KMSInternalException('unknown encryption context encoding');
  return enc;
}
