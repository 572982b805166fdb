/**
 * The one sealed layout of the HSM, for what it keeps or hands out encrypted under the master key
 * (backing-key material in master-key.ts, import tokens in import-token.ts): AES-256-GCM under a
 * key derived from the master key for that one purpose (HKDF-SHA256, empty salt, the purpose as
 * info), laid out as
 *
 * | offset | length | field              |
 * |-------:|-------:|--------------------|
 * |      0 |      1 | format version     |
 * |      1 |     12 | IV (random)        |
 * |     13 |     16 | GCM tag            |
 * |     29 |      n | ciphertext         |
 *
 * with AAD = bytes 0..13 (format ‖ IV) ‖ what the caller binds in (its purpose label and the
 * key, version… the sealed bytes belong to). Callers check the format byte and the length, and
 * say what a failure means; these functions never put data in a message.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from 'node:crypto';

const IV_OFFSET = 1;
const IV_LENGTH = 12;
const TAG_OFFSET = IV_OFFSET + IV_LENGTH;
const TAG_LENGTH = 16;
/** Where the ciphertext starts (format, IV and tag before it). */
export const SEALED_DATA_OFFSET = TAG_OFFSET + TAG_LENGTH;
const GCM_OPTIONS = { authTagLength: TAG_LENGTH } as const;

/** 32 bytes derived from `master` for one purpose (HKDF-SHA256, empty salt, `info`); the caller wipes them. */
export function deriveSubkey(master: Buffer, info: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

/** `format ‖ IV ‖ tag ‖ ciphertext` of `plaintext` under `key`, authenticating `format ‖ IV ‖ binding`. */
export function sealAesGcm(key: Buffer, format: number, plaintext: Uint8Array, binding: Buffer): Buffer {
  const out = Buffer.allocUnsafe(SEALED_DATA_OFFSET + plaintext.length);
  out[0] = format;
  randomFillSync(out, IV_OFFSET, IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, out.subarray(IV_OFFSET, TAG_OFFSET), GCM_OPTIONS);
  cipher.setAAD(Buffer.concat([out.subarray(0, TAG_OFFSET), binding]));
  const ct = cipher.update(plaintext);
  if (ct.length !== plaintext.length) throw new Error('unexpected sealed length');
  ct.copy(out, SEALED_DATA_OFFSET);
  cipher.final();
  cipher.getAuthTag().copy(out, TAG_OFFSET);
  return out;
}

/**
 * The plaintext of sealed bytes (at least {@link SEALED_DATA_OFFSET} long). Throws, without
 * detail, unless `key`, `binding` and every byte are what they were sealed with.
 */
export function openAesGcm(key: Buffer, sealed: Buffer, binding: Buffer): Buffer {
  let out: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(IV_OFFSET, TAG_OFFSET), GCM_OPTIONS);
    decipher.setAuthTag(sealed.subarray(TAG_OFFSET, SEALED_DATA_OFFSET));
    decipher.setAAD(Buffer.concat([sealed.subarray(0, TAG_OFFSET), binding]));
    out = decipher.update(sealed.subarray(SEALED_DATA_OFFSET));
    decipher.final();
    return out;
  } catch (e) {
    out?.fill(0);
    throw e;
  }
}
