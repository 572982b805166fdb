/**
 * Ed25519ph (HashEdDSA, RFC 8032 §5.1, empty context) for ECC_NIST_EDWARDS25519 keys with the
 * ED25519_PH_SHA_512 signing algorithm. Node 20 / OpenSSL 3.0 sign only pure Ed25519, so the
 * prehash variant is written out: twisted Edwards arithmetic in extended coordinates over
 * BigInt, SHA-512 from `node:crypto`.
 *
 * KMS semantics (SignRequest `MessageType` documentation in the model): ED25519_PH_SHA_512
 * requires `MessageType: DIGEST` and "KMS still performs the SHA-512 prehash described in Step 1
 * of Section 7.8.1 in FIPS 186-5. This means the input is hashed twice" — i.e. the 64-byte
 * Message is the M of Ed25519ph and PH(M) = SHA-512(M) happens here.
 *
 * BigInt is not constant time; acceptable for a reference HSM, noted. Tested against the
 * RFC 8032 §7.3 test vector and against Node's public key derivation.
 *
 * @module
 */

import { createHash, type KeyObject } from 'node:crypto';
import { KMSInternalException } from '../errors.js';

const P = (1n << 255n) - 19n;
/** Group order L = 2^252 + 27742317777372353535851937790883648493. */
export const L = (1n << 252n) + 27742317777372353535851937790883648493n;

const mod = (a: bigint, m = P): bigint => {
  const r = a % m;
  return r >= 0n ? r : r + m;
};

function pow(b: bigint, e: bigint, m = P): bigint {
  let r = 1n;
  b = mod(b, m);
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

const inv = (a: bigint): bigint => pow(a, P - 2n);
const D = mod(-121665n * inv(121666n));
const D2 = mod(2n * D);
const SQRT_M1 = pow(2n, (P - 1n) / 4n);

/** Extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z. */
type Point = readonly [bigint, bigint, bigint, bigint];

const BX = 15112221349535400772501151409588531511454012693041857206046113283949847762202n;
const BY = 46316835694926478169428394003475163141307993866256225615783033603165251855960n;
const BASE: Point = [BX, BY, 1n, mod(BX * BY)];
const IDENTITY: Point = [0n, 1n, 1n, 0n];

/** Unified addition (add-2008-hwcd-3); complete for a = −1, so it doubles too. */
function add(p: Point, q: Point): Point {
  const A = mod((p[1] - p[0]) * (q[1] - q[0]));
  const B = mod((p[1] + p[0]) * (q[1] + q[0]));
  const C = mod(p[3] * D2 * q[3]);
  const Dd = mod(p[2] * 2n * q[2]);
  const E = B - A;
  const F = Dd - C;
  const G = Dd + C;
  const H = B + A;
  return [mod(E * F), mod(G * H), mod(F * G), mod(E * H)];
}

function multiply(k: bigint, p: Point): Point {
  let r = IDENTITY;
  for (let i = k.toString(2).length - 1; i >= 0; i--) {
    r = add(r, r);
    if ((k >> BigInt(i)) & 1n) r = add(r, p);
  }
  return r;
}

const leToBigInt = (b: Uint8Array): bigint => BigInt('0x' + (Buffer.from(b).reverse().toString('hex') || '0'));

function bigIntToLe(v: bigint, length: number): Buffer {
  const hex = v.toString(16).padStart(length * 2, '0');
  return Buffer.from(hex, 'hex').reverse();
}

export function encodePoint(p: Point): Buffer {
  const zi = inv(p[2]);
  const x = mod(p[0] * zi);
  const y = mod(p[1] * zi);
  const out = bigIntToLe(y, 32);
  out[31]! |= Number(x & 1n) << 7;
  return out;
}

/** RFC 8032 §5.1.3 decoding; undefined for a non-canonical or off-curve encoding. */
export function decodePoint(bytes: Uint8Array): Point | undefined {
  if (bytes.length !== 32) return undefined;
  const b = Buffer.from(bytes);
  const sign = b[31]! >> 7;
  b[31]! &= 0x7f;
  const y = leToBigInt(b);
  if (y >= P) return undefined;
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * pow(v, 3n) * pow(u * pow(v, 7n), (P - 5n) / 8n));
  const vx2 = mod(v * x * x);
  if (vx2 === mod(-u)) x = mod(x * SQRT_M1);
  else if (vx2 !== u) return undefined;
  if (x === 0n && sign === 1) return undefined;
  if (Number(x & 1n) !== sign) x = P - x;
  return [x, y, 1n, mod(x * y)];
}

const sha512 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha512');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** dom2(1, "") = "SigEd25519 no Ed25519 collisions" ‖ 0x01 ‖ 0x00. */
const DOM2_PH = Buffer.concat([Buffer.from('SigEd25519 no Ed25519 collisions', 'latin1'), Buffer.of(1, 0)]);

function expandSeed(seed: Uint8Array): { s: bigint; prefix: Buffer; publicKey: Buffer } {
  if (seed.length !== 32) throw new KMSInternalException('Ed25519 seed is not 32 bytes');
  const h = sha512(seed);
  const a = Buffer.from(h.subarray(0, 32));
  a[0]! &= 248;
  a[31]! &= 127;
  a[31]! |= 64;
  const s = leToBigInt(a);
  return { s, prefix: h.subarray(32), publicKey: encodePoint(multiply(s, BASE)) };
}

/** The 32-byte public key of a 32-byte Ed25519 seed (private key). */
export const ed25519PublicKey = (seed: Uint8Array): Buffer => expandSeed(seed).publicKey;

/** Ed25519ph signature (64 bytes) of message M, empty context. */
export function ed25519phSignRaw(seed: Uint8Array, message: Uint8Array): Buffer {
  const { s, prefix, publicKey } = expandSeed(seed);
  const ph = sha512(message);
  const r = mod(leToBigInt(sha512(DOM2_PH, prefix, ph)), L);
  const R = encodePoint(multiply(r, BASE));
  const k = mod(leToBigInt(sha512(DOM2_PH, R, publicKey, ph)), L);
  return Buffer.concat([R, bigIntToLe(mod(r + k * s, L), 32)]);
}

/** Verifies an Ed25519ph signature (cofactorless equation [S]B = R + [k]A). */
export function ed25519phVerifyRaw(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const A = decodePoint(publicKey);
  const Rbytes = signature.subarray(0, 32);
  const R = decodePoint(Rbytes);
  const S = leToBigInt(signature.subarray(32));
  if (!A || !R || S >= L) return false;
  const k = mod(leToBigInt(sha512(DOM2_PH, Rbytes, publicKey, sha512(message))), L);
  const lhs = encodePoint(multiply(S, BASE));
  const rhs = encodePoint(add(R, multiply(k, A)));
  return lhs.equals(rhs);
}

const jwkBytes = (key: KeyObject, member: 'd' | 'x'): Buffer => {
  if (key.asymmetricKeyType !== 'ed25519') throw new KMSInternalException('not an Ed25519 key');
  const v = key.export({ format: 'jwk' })[member];
  if (!v) throw new KMSInternalException('Ed25519 key lacks a member');
  return Buffer.from(v, 'base64url');
};

export const ed25519phSign = (privateKey: KeyObject, message: Uint8Array): Buffer => ed25519phSignRaw(jwkBytes(privateKey, 'd'), message);

export const ed25519phVerify = (publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean =>
  ed25519phVerifyRaw(jwkBytes(publicKey, 'x'), message, signature);
