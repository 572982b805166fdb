/**
 * The symmetric ciphertext blob: self-describing and versioned.
 *
 * Format version 1 (all integers big-endian), 49 bytes of overhead (version 2: the same for
 * multi-Region keys, see {@link CIPHERTEXT_FORMAT_MRK}):
 *
 * | offset | length | field                                                      |
 * |-------:|-------:|------------------------------------------------------------|
 * |      0 |      1 | format version = 0x01                                      |
 * |      1 |     16 | key id: the 16 bytes of the KMS key's UUID                 |
 * |     17 |      4 | backing-key version (u32)                                  |
 * |     21 |     12 | AES-GCM IV (random)                                        |
 * |     33 |     16 | AES-GCM tag                                                |
 * |     49 |      n | ciphertext (n = plaintext length)                          |
 *
 * The AAD of the GCM operation is bytes 0..33 (version, key id, backing-key version, IV)
 * followed by the encryption-context encoding. The header has a fixed length, so the split
 * between the two is unambiguous, and changing any header byte makes authentication fail.
 * A 4096-byte plaintext gives a 4145-byte blob (KMS accepts blobs up to 6144 bytes).
 *
 * Every parse failure is an {@link InvalidCiphertextException} with AWS's (empty) message, so
 * a malformed blob and a blob that fails authentication look the same to the caller.
 *
 * @module
 */

import { InvalidCiphertextException, KMSInternalException } from '../errors.js';

/** Format version 1: the key id bytes are a UUID's. */
export const CIPHERTEXT_FORMAT_V1 = 0x01;
/**
 * Format version 2: the same layout for multi-Region keys, whose ids are `mrk-` and 32 hex
 * digits: the key id bytes are those 16 bytes. The blob names the key id, not a Region, so the
 * primary and every replica decrypt it.
 */
export const CIPHERTEXT_FORMAT_MRK = 0x02;
const MRK_PREFIX = 'mrk-';
/**
 * Format version 3: a key in a custom key store. `0x03 ‖ key id (16, UUID) ‖ u32 0 ‖ store bytes`:
 * the store bytes are what the store's backend made (keystores/crypto.ts: AES-GCM in the cluster,
 * or KMS's inner layer plus the XKS proxy's); the first 21 bytes and the encryption context are
 * their AAD.
 */
export const CIPHERTEXT_FORMAT_STORE = 0x03;
export const STORE_HEADER_LENGTH = 21;

/** The header of a custom key store key's blob (also the first part of its AAD). */
export function storeBlobHeader(keyId: string): Buffer {
  const h = Buffer.alloc(STORE_HEADER_LENGTH);
  h[0] = CIPHERTEXT_FORMAT_STORE;
  writeUuid(keyId, h, KEY_ID_OFFSET);
  return h;
}

export const KEY_ID_OFFSET = 1;
export const KEY_ID_LENGTH = 16;
export const BACKING_VERSION_OFFSET = 17;
export const IV_OFFSET = 21;
export const IV_LENGTH = 12;
export const TAG_OFFSET = 33;
export const TAG_LENGTH = 16;
export const CIPHERTEXT_OFFSET = 49;
/** Bytes 0..HEADER_AAD_LENGTH are authenticated as AAD. */
export const HEADER_AAD_LENGTH = TAG_OFFSET;
/** Blob length = plaintext length + BLOB_OVERHEAD. */
export const BLOB_OVERHEAD = CIPHERTEXT_OFFSET;
export const MAX_BACKING_KEY_VERSION = 0xffff_ffff;

/**
 * AWS answers a bad ciphertext with the bare code: the body is `{"__type":"InvalidCiphertextException"}`
 * and SDKs show the message as null/None. We use the empty string.
 */
export const INVALID_CIPHERTEXT_MESSAGE = '';

/** A parsed blob. The Buffer fields are views into the caller's buffer (no copies). */
export interface ParsedCiphertextBlob {
  readonly formatVersion: number;
  /** Lower-case UUID text, e.g. `1234abcd-12ab-34cd-56ef-1234567890ab`. */
  readonly keyId: string;
  readonly backingKeyVersion: number;
  /** Bytes 0..33: authenticated as the first part of the AAD. */
  readonly header: Buffer;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID_RE.test(s);

/** Nibble value of an ASCII hex digit, or -1 (indexed by char code, 0..127). */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[0x30 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[0x41 + i] = NIBBLE[0x61 + i] = 10 + i;
/** Two lower-case hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const hexAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c < 128 ? NIBBLE[c]! : -1;
};

/**
 * Writes the 16 bytes of a UUID (text form, any case) at `offset`. Validates and converts in
 * one pass, without regexes or intermediate strings (this runs on every Encrypt).
 * @throws KMSInternalException if `uuid` is not UUID text (a caller bug: key ids are UUIDs).
 */
export function writeUuid(uuid: string, target: Buffer, offset: number): void {
  if (typeof uuid !== 'string' || uuid.length !== 36) throw new KMSInternalException('key id is not a UUID');
  let i = 0;
  for (let b = 0; b < 16; b++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (uuid.charCodeAt(i) !== 0x2d) throw new KMSInternalException('key id is not a UUID');
      i++;
    }
    const hi = hexAt(uuid, i);
    const lo = hexAt(uuid, i + 1);
    if ((hi | lo) < 0) throw new KMSInternalException('key id is not a UUID');
    target[offset + b] = (hi << 4) | lo;
    i += 2;
  }
}

/**
 * Writes the 16 bytes of a key id (UUID or `mrk-` id) at `offset`; returns the format version the
 * blob must carry for it.
 * @throws KMSInternalException if `keyId` is neither.
 */
export function writeKeyId(keyId: string, target: Buffer, offset: number): number {
  if (typeof keyId === 'string' && keyId.startsWith(MRK_PREFIX)) {
    const hex = keyId.slice(MRK_PREFIX.length);
    if (!/^[0-9a-f]{32}$/.test(hex)) throw new KMSInternalException('key id is not a multi-Region key id');
    target.write(hex, offset, 16, 'hex');
    return CIPHERTEXT_FORMAT_MRK;
  }
  writeUuid(keyId, target, offset);
  return CIPHERTEXT_FORMAT_V1;
}

/** The UUID text (lower case) of 16 bytes at `offset`. */
export function readUuid(s: Buffer, o: number): string {
  return `${HEX[s[o]!]}${HEX[s[o + 1]!]}${HEX[s[o + 2]!]}${HEX[s[o + 3]!]}-${HEX[s[o + 4]!]}${HEX[s[o + 5]!]}-${
    HEX[s[o + 6]!]}${HEX[s[o + 7]!]}-${HEX[s[o + 8]!]}${HEX[s[o + 9]!]}-${HEX[s[o + 10]!]}${HEX[s[o + 11]!]}${
    HEX[s[o + 12]!]}${HEX[s[o + 13]!]}${HEX[s[o + 14]!]}${HEX[s[o + 15]!]}`;
}

const invalid = (): never => {
  throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
};

/**
 * Parses a ciphertext blob without decrypting it (to find the key and backing-key version).
 * Accepts any Uint8Array; never copies.
 *
 * @throws InvalidCiphertextException if the blob is not a Uint8Array, is shorter than the
 *   header, or has an unknown format version. Nothing else is thrown.
 */
export function parseCiphertextBlob(blob: Uint8Array | undefined): ParsedCiphertextBlob {
  if (!(blob instanceof Uint8Array)) return invalid();
  const buf = Buffer.isBuffer(blob) ? blob : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.length < CIPHERTEXT_OFFSET) return invalid();
  const formatVersion = buf[0]!;
  if (formatVersion === CIPHERTEXT_FORMAT_STORE) {
    return {
      formatVersion,
      keyId: readUuid(buf, KEY_ID_OFFSET),
      backingKeyVersion: 0,
      header: buf.subarray(0, STORE_HEADER_LENGTH),
      iv: buf.subarray(0, 0),
      tag: buf.subarray(0, 0),
      ciphertext: buf.subarray(STORE_HEADER_LENGTH),
    };
  }
  if (formatVersion !== CIPHERTEXT_FORMAT_V1 && formatVersion !== CIPHERTEXT_FORMAT_MRK) return invalid();
  return {
    formatVersion,
    keyId:
      formatVersion === CIPHERTEXT_FORMAT_MRK
        ? MRK_PREFIX + buf.toString('hex', KEY_ID_OFFSET, KEY_ID_OFFSET + KEY_ID_LENGTH)
        : readUuid(buf, KEY_ID_OFFSET),
    backingKeyVersion: buf.readUInt32BE(BACKING_VERSION_OFFSET),
    header: buf.subarray(0, HEADER_AAD_LENGTH),
    iv: buf.subarray(IV_OFFSET, IV_OFFSET + IV_LENGTH),
    tag: buf.subarray(TAG_OFFSET, TAG_OFFSET + TAG_LENGTH),
    ciphertext: buf.subarray(CIPHERTEXT_OFFSET),
  };
}
