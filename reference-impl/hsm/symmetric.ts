/**
 * Symmetric Encrypt/Decrypt with a backing key (AES-256-GCM) and the ciphertext blob of
 * {@link ./blob.ts}. Pure functions: no I/O, no logging, nothing secret cached.
 *
 * Hot path notes: encryption writes header, IV, tag and ciphertext into one output Buffer
 * (`Buffer.allocUnsafe`, every byte overwritten); the only other allocation of note is the
 * Buffer `cipher.update` returns (Node has no update-into API). IVs come from a pool of
 * random bytes refilled 64 KiB at a time: one `randomFillSync` call per IV costs about as
 * much as a third of the whole AES-GCM operation. IVs are public, so pooling them caches
 * nothing secret; each pool byte is used once.
 *
 * @module
 */

import { createCipheriv, createDecipheriv, createSecretKey, KeyObject, randomFillSync } from 'node:crypto';
import { InvalidCiphertextException, KMSInternalException } from '../errors.js';
import {
  BACKING_VERSION_OFFSET,
  BLOB_OVERHEAD,
  CIPHERTEXT_OFFSET,
  HEADER_AAD_LENGTH,
  INVALID_CIPHERTEXT_MESSAGE,
  IV_LENGTH,
  IV_OFFSET,
  KEY_ID_OFFSET,
  MAX_BACKING_KEY_VERSION,
  TAG_LENGTH,
  TAG_OFFSET,
  writeKeyId,
  type ParsedCiphertextBlob,
} from './blob.js';

/** AES-256 key length in bytes (backing keys of SYMMETRIC_DEFAULT keys). */
export const BACKING_KEY_LENGTH = 32;

/** A backing key: its 32 raw bytes, or a secret KeyObject holding them. */
export type BackingKey = Buffer | KeyObject;

const CIPHER = 'aes-256-gcm';
const GCM_OPTIONS = { authTagLength: TAG_LENGTH } as const;

// ---- IV pool -------------------------------------------------------------------------------

const IV_POOL_SIZE = 64 * 1024 - ((64 * 1024) % IV_LENGTH);
const ivPool = Buffer.allocUnsafeSlow(IV_POOL_SIZE);
let ivPos = IV_POOL_SIZE;

/** Writes a fresh random 96-bit IV at `offset`. */
function writeIv(target: Buffer, offset: number): void {
  if (ivPos === IV_POOL_SIZE) {
    randomFillSync(ivPool);
    ivPos = 0;
  }
  ivPool.copy(target, offset, ivPos, ivPos + IV_LENGTH);
  ivPos += IV_LENGTH;
}

// ---- keys ------------------------------------------------------------------------------------

function checkBackingKey(key: BackingKey): BackingKey {
  if (Buffer.isBuffer(key)) {
    if (key.length === BACKING_KEY_LENGTH) return key;
  } else if (key instanceof KeyObject) {
    if (key.type === 'secret' && key.symmetricKeySize === BACKING_KEY_LENGTH) return key;
  }
  throw new KMSInternalException('backing key is not a 256-bit AES key');
}

/** A fresh 256-bit backing key (not from Node's shared Buffer pool). */
export function generateBackingKey(): Buffer {
  return randomFillSync(Buffer.allocUnsafeSlow(BACKING_KEY_LENGTH));
}

/**
 * Wraps backing-key bytes in a KeyObject, for callers that would rather hold keys outside
 * plain Buffers. Encrypt/decrypt cost the same either way.
 */
export function importBackingKey(material: Buffer): KeyObject {
  return createSecretKey(checkBackingKey(material) as Buffer);
}

/**
 * `n` cryptographically random bytes (GenerateRandom, data keys). Range checks of the API
 * (1..1024) belong to the caller.
 * @throws KMSInternalException if `n` is not a non-negative safe integer.
 */
export function generateRandom(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new KMSInternalException('invalid random length');
  return randomFillSync(Buffer.allocUnsafeSlow(n));
}

// ---- encrypt / decrypt ---------------------------------------------------------------------

export interface EncryptSymmetricInput {
  /** Key id of the KMS key (UUID or `mrk-` id); written into the blob. */
  readonly keyId: string;
  /** Backing-key version (u32) the material belongs to. */
  readonly backingKeyVersion: number;
  /** The backing key (32 bytes). */
  readonly material: BackingKey;
  readonly plaintext: Uint8Array;
  /** The encoded encryption context (see `encryption-context.ts`); empty for none. */
  readonly contextAad: Uint8Array;
}

/**
 * Encrypts under a backing key and returns the ciphertext blob (plaintext length + 49 bytes).
 * @throws KMSInternalException on caller errors (bad key id, version or key) and on any
 *   unexpected crypto failure; messages never contain data or key bytes.
 */
export function encryptSymmetric(input: EncryptSymmetricInput): Buffer {
  const { keyId, backingKeyVersion, plaintext, contextAad } = input;
  const key = checkBackingKey(input.material);
  if (!Number.isInteger(backingKeyVersion) || backingKeyVersion < 0 || backingKeyVersion > MAX_BACKING_KEY_VERSION) {
    throw new KMSInternalException('invalid backing key version');
  }
  if (!(plaintext instanceof Uint8Array) || !(contextAad instanceof Uint8Array)) {
    throw new KMSInternalException('plaintext and context AAD must be bytes');
  }
  const out = Buffer.allocUnsafe(BLOB_OVERHEAD + plaintext.length);
  out[0] = writeKeyId(keyId, out, KEY_ID_OFFSET);
  out.writeUInt32BE(backingKeyVersion, BACKING_VERSION_OFFSET);
  writeIv(out, IV_OFFSET);
  try {
    const cipher = createCipheriv(CIPHER, key, out.subarray(IV_OFFSET, IV_OFFSET + IV_LENGTH), GCM_OPTIONS);
    cipher.setAAD(out.subarray(0, HEADER_AAD_LENGTH));
    if (contextAad.length > 0) cipher.setAAD(contextAad);
    const ct = cipher.update(plaintext);
    ct.copy(out, CIPHERTEXT_OFFSET);
    cipher.final(); // GCM: nothing buffered, returns an empty Buffer
    cipher.getAuthTag().copy(out, TAG_OFFSET);
    if (ct.length !== plaintext.length) throw new Error('unexpected ciphertext length');
  } catch {
    throw new KMSInternalException('encryption failed');
  }
  return out;
}

export interface DecryptSymmetricInput {
  /** The blob as returned by `parseCiphertextBlob`. */
  readonly parsed: ParsedCiphertextBlob;
  /** The backing key for `parsed.keyId` at `parsed.backingKeyVersion`. */
  readonly material: BackingKey;
  /** The encoded encryption context given to Decrypt; empty for none. */
  readonly contextAad: Uint8Array;
}

/**
 * Decrypts and authenticates. Returns a new Buffer holding the plaintext (not from the
 * shared Buffer pool, so the caller may zero it when done).
 * @throws InvalidCiphertextException (empty message, like AWS) if authentication fails:
 *   wrong context, wrong key, or any tampering with header, tag or ciphertext.
 * @throws KMSInternalException if `material` is not a 256-bit key (a server problem).
 */
export function decryptSymmetric(input: DecryptSymmetricInput): Buffer {
  const { parsed, contextAad } = input;
  const key = checkBackingKey(input.material);
  if (!(contextAad instanceof Uint8Array)) throw new KMSInternalException('context AAD must be bytes');
  let out: Buffer | undefined;
  try {
    const decipher = createDecipheriv(CIPHER, key, parsed.iv, GCM_OPTIONS);
    decipher.setAuthTag(parsed.tag);
    decipher.setAAD(parsed.header);
    if (contextAad.length > 0) decipher.setAAD(contextAad);
    out = decipher.update(parsed.ciphertext);
    decipher.final(); // throws if the tag does not verify
    return out;
  } catch {
    // `out` holds unauthenticated plaintext: wipe it before dropping it.
    out?.fill(0);
    throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  }
}
