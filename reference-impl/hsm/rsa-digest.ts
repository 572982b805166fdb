/**
 * RSA signatures over a message digest the caller computed (Sign/Verify with
 * `MessageType: DIGEST`), built from OpenSSL's raw RSA primitives because Node's
 * `crypto.sign`/`verify` always hash their input:
 *
 * - RSASSA-PKCS1-v1_5 (RFC 8017 §8.2): `privateEncrypt` with RSA_PKCS1_PADDING of
 *   DigestInfo ‖ digest (EMSA-PKCS1-v1_5 is exactly PKCS#1 type-1 padding of that); verify
 *   recovers it with `publicDecrypt` and compares in constant time.
 * - RSASSA-PSS (RFC 8017 §8.1, §9.1): EMSA-PSS-ENCODE / -VERIFY written out with MGF1 over
 *   the same hash and a salt as long as the digest — AWS's parameters ("RSA signature with PSS
 *   padding using SHA-256 for both the message digest and the MGF1 mask generation function
 *   along with a 256-bit salt", Key spec reference) — then RSASP1/RSAVP1 as `privateDecrypt` /
 *   `publicEncrypt` with RSA_NO_PADDING.
 *
 * Signatures are byte-identical in format to `crypto.sign(hash, message, …)` over the message
 * (tests check both directions and OpenSSL's `dgst -verify`).
 *
 * @module
 */

import { constants, createHash, privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { KMSInternalException } from '../errors.js';

export type DigestName = 'sha256' | 'sha384' | 'sha512';

export const DIGEST_LENGTH: Readonly<Record<DigestName, number>> = { sha256: 32, sha384: 48, sha512: 64 };

/** DER of DigestInfo up to the digest bytes (RFC 8017 §9.2 note 1). */
const DIGEST_INFO_PREFIX: Readonly<Record<DigestName, Buffer>> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

function checkDigest(hash: DigestName, digest: Uint8Array): void {
  if (!(digest instanceof Uint8Array) || digest.length !== DIGEST_LENGTH[hash]) throw new KMSInternalException('digest has the wrong length');
}

const modulusBytes = (key: KeyObject): number => {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType !== 'rsa' || !bits) throw new KMSInternalException('not an RSA key');
  return Math.ceil(bits / 8);
};

// ---- PKCS#1 v1.5 ---------------------------------------------------------------------------

export function pkcs1SignDigest(privateKey: KeyObject, hash: DigestName, digest: Uint8Array): Buffer {
  checkDigest(hash, digest);
  modulusBytes(privateKey);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO_PREFIX[hash], digest]));
}

export function pkcs1VerifyDigest(publicKey: KeyObject, hash: DigestName, digest: Uint8Array, signature: Uint8Array): boolean {
  checkDigest(hash, digest);
  if (signature.length !== modulusBytes(publicKey)) return false;
  let recovered: Buffer;
  try {
    recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
  const expected = Buffer.concat([DIGEST_INFO_PREFIX[hash], digest]);
  return recovered.length === expected.length && timingSafeEqual(recovered, expected);
}

// ---- PSS -----------------------------------------------------------------------------------

function mgf1(hash: DigestName, seed: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  const counter = Buffer.alloc(4);
  for (let o = 0, i = 0; o < length; i++) {
    counter.writeUInt32BE(i);
    o += createHash(hash).update(seed).update(counter).digest().copy(out, o);
  }
  return out;
}

const PSS_ZEROS = Buffer.alloc(8);

/** H = Hash(0x00·8 ‖ mHash ‖ salt). */
const pssHash = (hash: DigestName, mHash: Uint8Array, salt: Uint8Array): Buffer =>
  createHash(hash).update(PSS_ZEROS).update(mHash).update(salt).digest();

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with sLen = hLen. */
export function emsaPssEncode(hash: DigestName, mHash: Uint8Array, emBits: number, salt: Buffer = randomBytes(DIGEST_LENGTH[hash])): Buffer {
  const hLen = DIGEST_LENGTH[hash];
  const emLen = Math.ceil(emBits / 8);
  if (emLen < 2 * hLen + 2) throw new KMSInternalException('RSA key too short for PSS');
  const H = pssHash(hash, mHash, salt);
  const db = Buffer.alloc(emLen - hLen - 1);
  db[db.length - salt.length - 1] = 0x01;
  salt.copy(db, db.length - salt.length);
  const mask = mgf1(hash, H, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLen - emBits);
  return Buffer.concat([db, H, Buffer.of(0xbc)]);
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with sLen = hLen. */
export function emsaPssVerify(hash: DigestName, mHash: Uint8Array, em: Buffer, emBits: number): boolean {
  const hLen = DIGEST_LENGTH[hash];
  const emLen = Math.ceil(emBits / 8);
  if (em.length !== emLen || emLen < 2 * hLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const db = Buffer.from(em.subarray(0, emLen - hLen - 1));
  const H = em.subarray(emLen - hLen - 1, emLen - 1);
  const topBits = 8 * emLen - emBits;
  if (db[0]! & ~(0xff >> topBits) & 0xff) return false;
  const mask = mgf1(hash, H, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> topBits;
  const psLen = db.length - hLen - 1;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 0x01) return false;
  return timingSafeEqual(pssHash(hash, mHash, db.subarray(psLen + 1)), H);
}

export function pssSignDigest(privateKey: KeyObject, hash: DigestName, digest: Uint8Array): Buffer {
  checkDigest(hash, digest);
  const k = modulusBytes(privateKey);
  const emBits = privateKey.asymmetricKeyDetails!.modulusLength! - 1;
  const em = emsaPssEncode(hash, digest, emBits);
  const block = em.length === k ? em : Buffer.concat([Buffer.alloc(k - em.length), em]);
  return privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
}

export function pssVerifyDigest(publicKey: KeyObject, hash: DigestName, digest: Uint8Array, signature: Uint8Array): boolean {
  checkDigest(hash, digest);
  const k = modulusBytes(publicKey);
  if (signature.length !== k) return false;
  let m: Buffer;
  try {
    m = publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature); // fails if s ≥ n
  } catch {
    return false;
  }
  const emBits = publicKey.asymmetricKeyDetails!.modulusLength! - 1;
  const emLen = Math.ceil(emBits / 8);
  for (let i = 0; i < k - emLen; i++) if (m[i] !== 0) return false;
  return emsaPssVerify(hash, digest, m.subarray(k - emLen), emBits);
}
