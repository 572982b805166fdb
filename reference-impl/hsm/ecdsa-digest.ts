/**
 * ECDSA over a message digest the caller computed (Sign/Verify with `MessageType: DIGEST`).
 *
 * Node's `crypto.sign`/`verify` always hash their input — even `crypto.sign(null, data, ecKey)`
 * hashes with SHA-256 (checked on Node 20 / OpenSSL 3.0) — so there is no built-in way to sign
 * or verify a digest as is. This module does it with the curve arithmetic written out:
 *
 * - Signing (FIPS 186-4 §6.4): the nonce k and the point kG come from
 *   `crypto.createECDH(curve).generateKeys()`, i.e. OpenSSL's RNG and constant-time scalar
 *   multiplication; only `r = x(kG) mod n` and `s = k⁻¹(e + r·d) mod n` are BigInt arithmetic.
 *   (BigInt is not constant time: the private scalar d goes through one modular multiply
 *   here. Acceptable for a reference HSM; noted, not hidden.)
 * - Verifying: `u1·G + u2·Q` in Jacobian coordinates (Shamir's trick), public data only.
 *
 * Signatures are DER `SEQUENCE { r INTEGER, s INTEGER }` (ANSI X9.62 / RFC 3279 §2.2.3), as
 * AWS returns them (SignResponse `Signature` documentation). No low-s normalisation: neither
 * AWS nor OpenSSL normalises.
 *
 * Curve constants are those of `openssl ecparam -name <curve> -param_enc explicit`; the tests
 * check G is on the curve, n·G = O, and k·G against OpenSSL for random k.
 *
 * @module
 */

import { createECDH, type KeyObject } from 'node:crypto';
import { KMSInternalException } from '../errors.js';

export interface Curve {
  /** OpenSSL name, as `createECDH` takes it. */
  readonly name: string;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  readonly n: bigint;
  /** Bytes of a field element / coordinate. */
  readonly fieldBytes: number;
  /** Bit length of the group order n. */
  readonly nBits: number;
}

const curve = (name: string, p: string, a: string, b: string, gx: string, gy: string, n: string, fieldBytes: number): Curve => {
  const nn = BigInt(n);
  return { name, p: BigInt(p), a: BigInt(a), b: BigInt(b), gx: BigInt(gx), gy: BigInt(gy), n: nn, fieldBytes, nBits: nn.toString(2).length };
};

/** The curves KMS signs with, keyed by OpenSSL name. */
export const CURVES: Readonly<Record<string, Curve>> = {
  prime256v1: curve(
    'prime256v1',
    '0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff',
    '0xffffffff00000001000000000000000000000000fffffffffffffffffffffffc',
    '0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b',
    '0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296',
    '0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5',
    '0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
    32,
  ),
  secp384r1: curve(
    'secp384r1',
    '0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff',
    '0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc',
    '0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef',
    '0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7',
    '0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f',
    '0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
    48,
  ),
  secp521r1: curve(
    'secp521r1',
    '0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    '0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc',
    '0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00',
    '0xc6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66',
    '0x11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650',
    '0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409',
    66,
  ),
  secp256k1: curve(
    'secp256k1',
    '0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f',
    '0x0',
    '0x7',
    '0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
    '0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8',
    '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141',
    32,
  ),
};

// ---- arithmetic ----------------------------------------------------------------------------

const mod = (a: bigint, m: bigint): bigint => {
  const r = a % m;
  return r >= 0n ? r : r + m;
};

/** a⁻¹ mod m (m prime, a ≠ 0 mod m), extended Euclid. */
export function invert(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new KMSInternalException('value is not invertible');
  return mod(s0, m);
}

/** Jacobian point (X, Y, Z): affine (X/Z², Y/Z³); Z = 0 is the point at infinity. */
type Jac = readonly [bigint, bigint, bigint];
const INF: Jac = [1n, 1n, 0n];

function dbl(P: Jac, c: Curve): Jac {
  const [X, Y, Z] = P;
  if (Z === 0n || Y === 0n) return INF;
  const p = c.p;
  const YY = (Y * Y) % p;
  const S = (4n * X * YY) % p;
  const ZZ = (Z * Z) % p;
  const M = (3n * X * X + c.a * ZZ * ZZ) % p;
  const X3 = mod(M * M - 2n * S, p);
  const Y3 = mod(M * (S - X3) - 8n * YY * YY, p);
  const Z3 = (2n * Y * Z) % p;
  return [X3, Y3, Z3];
}

function add(P: Jac, Q: Jac, c: Curve): Jac {
  if (P[2] === 0n) return Q;
  if (Q[2] === 0n) return P;
  const p = c.p;
  const Z1Z1 = (P[2] * P[2]) % p;
  const Z2Z2 = (Q[2] * Q[2]) % p;
  const U1 = (P[0] * Z2Z2) % p;
  const U2 = (Q[0] * Z1Z1) % p;
  const S1 = (P[1] * Q[2] * Z2Z2) % p;
  const S2 = (Q[1] * P[2] * Z1Z1) % p;
  if (U1 === U2) return S1 === S2 ? dbl(P, c) : INF;
  const H = mod(U2 - U1, p);
  const R = mod(S2 - S1, p);
  const HH = (H * H) % p;
  const HHH = (H * HH) % p;
  const V = (U1 * HH) % p;
  const X3 = mod(R * R - HHH - 2n * V, p);
  const Y3 = mod(R * (V - X3) - S1 * HHH, p);
  const Z3 = (P[2] * Q[2] * H) % p;
  return [X3, Y3, Z3];
}

function toAffine(P: Jac, c: Curve): { x: bigint; y: bigint } | undefined {
  if (P[2] === 0n) return undefined;
  const zi = invert(P[2], c.p);
  const zi2 = (zi * zi) % c.p;
  return { x: (P[0] * zi2) % c.p, y: (P[1] * zi2 * zi) % c.p };
}

/** u1·G + u2·Q (Shamir's trick), affine, or undefined for the point at infinity. */
export function mulAdd(c: Curve, u1: bigint, u2: bigint, qx: bigint, qy: bigint): { x: bigint; y: bigint } | undefined {
  const G: Jac = [c.gx, c.gy, 1n];
  const Q: Jac = [qx, qy, 1n];
  const GQ = add(G, Q, c);
  let R = INF;
  for (let i = Math.max(u1.toString(2).length, u2.toString(2).length) - 1; i >= 0; i--) {
    R = dbl(R, c);
    const b1 = (u1 >> BigInt(i)) & 1n;
    const b2 = (u2 >> BigInt(i)) & 1n;
    if (b1 && b2) R = add(R, GQ, c);
    else if (b1) R = add(R, G, c);
    else if (b2) R = add(R, Q, c);
  }
  return toAffine(R, c);
}

export const isOnCurve = (c: Curve, x: bigint, y: bigint): boolean =>
  x >= 0n && x < c.p && y >= 0n && y < c.p && mod(y * y - (x * x * x + c.a * x + c.b), c.p) === 0n;

// ---- encodings -----------------------------------------------------------------------------

export const bytesToBigInt = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt('0x' + Buffer.from(b).toString('hex')));

const b64uToBigInt = (s: string | undefined): bigint => {
  if (!s) throw new KMSInternalException('EC key has no coordinate');
  return bytesToBigInt(Buffer.from(s, 'base64url'));
};

/** The leftmost nBits bits of the digest as an integer (FIPS 186-4 §6.4, bits2int). */
export function digestToInteger(c: Curve, digest: Uint8Array): bigint {
  const e = bytesToBigInt(digest);
  const excess = digest.length * 8 - c.nBits;
  return excess > 0 ? e >> BigInt(excess) : e;
}

function derInteger(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return Buffer.concat([Buffer.of(0x02), derLength(bytes.length), bytes]);
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.of(n);
  return n < 0x100 ? Buffer.of(0x81, n) : Buffer.of(0x82, n >> 8, n & 0xff);
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }`. */
export function encodeDerSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.of(0x30), derLength(body.length), body]);
}

/** Parses a strict-DER ECDSA signature; undefined if it is not one. */
export function decodeDerSignature(sig: Uint8Array): { r: bigint; s: bigint } | undefined {
  let o = 0;
  const len = (): number | undefined => {
    const first = sig[o++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0 || count > 2) return undefined;
    let n = 0;
    for (let i = 0; i < count; i++) {
      const b = sig[o++];
      if (b === undefined) return undefined;
      n = (n << 8) | b;
    }
    return n < 0x80 || (count === 2 && n < 0x100) ? undefined : n; // not minimal
  };
  const int = (): bigint | undefined => {
    if (sig[o++] !== 0x02) return undefined;
    const n = len();
    if (n === undefined || n === 0 || o + n > sig.length) return undefined;
    const v = sig.subarray(o, o + n);
    if (v[0]! & 0x80) return undefined; // negative
    if (n > 1 && v[0] === 0 && !(v[1]! & 0x80)) return undefined; // not minimal
    o += n;
    return bytesToBigInt(v);
  };
  if (sig[o++] !== 0x30) return undefined;
  const total = len();
  if (total === undefined || o + total !== sig.length) return undefined;
  const r = int();
  const s = r === undefined ? undefined : int();
  if (r === undefined || s === undefined || o !== sig.length) return undefined;
  return { r, s };
}

// ---- sign / verify -------------------------------------------------------------------------

function curveOf(name: string | undefined): Curve {
  const c = name ? CURVES[name] : undefined;
  if (!c) throw new KMSInternalException('unsupported curve');
  return c;
}

/** Signs `digest` (used as is) with an EC private key; DER signature. */
export function ecdsaSignDigest(privateKey: KeyObject, digest: Uint8Array): Buffer {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ec') throw new KMSInternalException('not an EC private key');
  const c = curveOf(privateKey.asymmetricKeyDetails?.namedCurve);
  const d = b64uToBigInt(privateKey.export({ format: 'jwk' }).d);
  const e = digestToInteger(c, digest);
  for (let attempt = 0; attempt < 16; attempt++) {
    const ecdh = createECDH(c.name);
    const kG = ecdh.generateKeys(); // 04 ‖ X ‖ Y
    const k = bytesToBigInt(ecdh.getPrivateKey());
    const r = mod(bytesToBigInt(kG.subarray(1, 1 + c.fieldBytes)), c.n);
    if (r === 0n || k === 0n) continue;
    const s = mod(invert(k, c.n) * (e + r * d), c.n);
    if (s === 0n) continue;
    return encodeDerSignature(r, s);
  }
  throw new KMSInternalException('ECDSA signing failed');
}

/** Verifies a DER ECDSA signature over `digest` (used as is). False for any malformed input. */
export function ecdsaVerifyDigest(publicKey: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.asymmetricKeyType !== 'ec') return false;
  const c = curveOf(publicKey.asymmetricKeyDetails?.namedCurve);
  const sig = decodeDerSignature(signature);
  if (!sig || sig.r <= 0n || sig.r >= c.n || sig.s <= 0n || sig.s >= c.n) return false;
  const jwk = publicKey.export({ format: 'jwk' });
  const qx = b64uToBigInt(jwk.x);
  const qy = b64uToBigInt(jwk.y);
  if (!isOnCurve(c, qx, qy)) return false;
  const w = invert(sig.s, c.n);
  const e = digestToInteger(c, digest);
  const R = mulAdd(c, mod(e * w, c.n), mod(sig.r * w, c.n), qx, qy);
  return R !== undefined && mod(R.x, c.n) === sig.r;
}
