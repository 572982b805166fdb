/**
 * Signing keys and signatures: kSigning derived once per credential record and scope and kept as
 * precomputed HMAC pads ({@link FixedKeyHmac}), SHA-256 over preallocated scratch space, and the
 * constant-time comparisons of signatures and session tokens.
 *
 * @module
 */
import { createHash, hash as oneShotHash, timingSafeEqual } from 'node:crypto';
import { deriveSigningKey } from '../sigv4/signature.js';
import type { CredentialRecord } from './credentials.js';

const SIGNATURE_HEX_LENGTH = 64;

/**
 * HMAC-SHA256 under one fixed key, with the padded key blocks computed once (RFC 2104:
 * H((K ^ opad) || H((K ^ ipad) || m))). Each MAC is then two one-shot `crypto.hash` calls over
 * preallocated buffers, which is cheaper than constructing a `crypto.Hmac` (a new OpenSSL context
 * and key schedule) per request. Checked against `crypto.createHmac` in the tests.
 */
export class FixedKeyHmac {
  readonly #ipad: Buffer;
  readonly #opad: Buffer;

  constructor(key: Buffer) {
    const k = key.length > HMAC_BLOCK ? createHash('sha256').update(key).digest() : key;
    this.#ipad = Buffer.alloc(HMAC_BLOCK, 0x36);
    this.#opad = Buffer.alloc(HMAC_BLOCK, 0x5c);
    for (let i = 0; i < k.length; i++) {
      this.#ipad[i]! ^= k[i]!;
      this.#opad[i]! ^= k[i]!;
    }
  }

  /** Lower-case hex HMAC of a byte string (one char per byte). */
  hmacHex(message: string): string {
    let inner: Buffer;
    if (message.length <= SCRATCH_BYTES - HMAC_BLOCK) {
      this.#ipad.copy(scratch, 0);
      const n = scratch.write(message, HMAC_BLOCK, 'latin1');
      inner = oneShotHash('sha256', scratch.subarray(0, HMAC_BLOCK + n), 'buffer');
    } else {
      inner = createHash('sha256').update(this.#ipad).update(message, 'latin1').digest();
    }
    this.#opad.copy(outerScratch, 0);
    inner.copy(outerScratch, HMAC_BLOCK);
    return oneShotHash('sha256', outerScratch, 'hex');
  }
}

const HMAC_BLOCK = 64;
const SCRATCH_BYTES = 16 * 1024;
/** Shared scratch space: verification is synchronous, so no two calls ever use it at once. */
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
const outerScratch = Buffer.allocUnsafe(HMAC_BLOCK + 32);

/** SHA-256 (hex) of a byte string (one char per byte, as Node decodes headers). */
export function sha256HexLatin1(s: string): string {
  if (s.length <= SCRATCH_BYTES) {
    const n = scratch.write(s, 0, 'latin1');
    return oneShotHash('sha256', scratch.subarray(0, n), 'hex');
  }
  return createHash('sha256').update(s, 'latin1').digest('hex');
}

/** Per credential record: scope (`date/region/service/aws4_request`) → kSigning as a MAC. */
const signingKeys = new WeakMap<CredentialRecord, Map<string, FixedKeyHmac>>();
const MAX_SCOPES_PER_KEY = 64;

export function signingKey(record: CredentialRecord, scope: string, date: string, region: string, service: string): FixedKeyHmac {
  let perRecord = signingKeys.get(record);
  if (perRecord === undefined) {
    perRecord = new Map();
    signingKeys.set(record, perRecord);
  }
  let key = perRecord.get(scope);
  if (key === undefined) {
    key = new FixedKeyHmac(deriveSigningKey(record.secretAccessKey, date, region, service));
    if (perRecord.size >= MAX_SCOPES_PER_KEY) perRecord.clear();
    perRecord.set(scope, key);
  }
  return key;
}

const providedScratch = Buffer.alloc(SIGNATURE_HEX_LENGTH);
const expectedScratch = Buffer.alloc(SIGNATURE_HEX_LENGTH);

/**
 * Constant-time comparison of the provided signature (64 lower-case hex characters, compared as
 * text like AWS does) with the expected one. Uses two preallocated buffers (the verifier is
 * synchronous, so they are never shared between calls).
 */
export function signaturesEqual(provided: string, expectedHex: string): boolean {
  if (provided.length !== SIGNATURE_HEX_LENGTH) return false;
  providedScratch.write(provided, 0, SIGNATURE_HEX_LENGTH, 'latin1');
  expectedScratch.write(expectedHex, 0, SIGNATURE_HEX_LENGTH, 'latin1');
  return timingSafeEqual(providedScratch, expectedScratch);
}

export function secretsEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'latin1');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
