import { createECDH, createHash, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToBigInt,
  CURVES,
  decodeDerSignature,
  digestToInteger,
  ecdsaSignDigest,
  ecdsaVerifyDigest,
  encodeDerSignature,
  invert,
  isOnCurve,
  mulAdd,
} from './ecdsa-digest.js';

const CASES = [
  ['prime256v1', 'sha256'],
  ['secp384r1', 'sha384'],
  ['secp521r1', 'sha512'],
  ['secp256k1', 'sha256'],
] as const;

describe('curve constants', () => {
  it.each(CASES)('%s: G is on the curve and n·G = O', (name) => {
    const c = CURVES[name]!;
    expect(isOnCurve(c, c.gx, c.gy)).toBe(true);
    expect(mulAdd(c, c.n, 0n, c.gx, c.gy)).toBeUndefined();
    expect(mulAdd(c, c.n - 1n, 0n, c.gx, c.gy)).toEqual({ x: c.gx, y: c.p - c.gy });
  });

  it.each(CASES)('%s: k·G agrees with OpenSSL for random k, and u1·G + u2·Q with (u1 + u2·d)·G', (name) => {
    const c = CURVES[name]!;
    for (let i = 0; i < 3; i++) {
      const ecdh = createECDH(name);
      const pub = ecdh.generateKeys();
      const k = bytesToBigInt(ecdh.getPrivateKey());
      const x = bytesToBigInt(pub.subarray(1, 1 + c.fieldBytes));
      const y = bytesToBigInt(pub.subarray(1 + c.fieldBytes));
      expect(mulAdd(c, k, 0n, c.gx, c.gy)).toEqual({ x, y });
      const u1 = bytesToBigInt(randomBytes(c.fieldBytes)) % c.n;
      const u2 = bytesToBigInt(randomBytes(c.fieldBytes)) % c.n;
      const combined = (u1 + u2 * k) % c.n;
      expect(mulAdd(c, u1, u2, x, y)).toEqual(mulAdd(c, combined, 0n, c.gx, c.gy));
    }
  });

  it('inverts modulo a prime', () => {
    const n = CURVES.prime256v1!.n;
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: n - 1n }), (a) => (a * invert(a, n)) % n === 1n));
  });
});

describe('DER signatures', () => {
  it('round-trip, including long-form lengths (P-521) and high-bit integers', () => {
    const n = CURVES.secp521r1!.n;
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: n - 1n }), fc.bigInt({ min: 1n, max: n - 1n }), (r, s) => {
        expect(decodeDerSignature(encodeDerSignature(r, s))).toEqual({ r, s });
      }),
    );
    expect(encodeDerSignature(0x80n, 1n).toString('hex')).toBe('3007020200800201' + '01');
  });

  it('parses what OpenSSL produces', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp521r1' });
    const der = sign('sha512', Buffer.from('m'), privateKey);
    const p1363 = sign('sha512', Buffer.from('m'), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(decodeDerSignature(der)).toBeDefined();
    expect(p1363.length).toBe(132);
    expect(decodeDerSignature(p1363)).toBeUndefined();
  });

  it('rejects non-DER encodings', () => {
    const good = encodeDerSignature(5n, 7n); // 30 06 02 01 05 02 01 07
    expect(decodeDerSignature(good)).toEqual({ r: 5n, s: 7n });
    for (const hex of ['', '30', '3006020105020107' + '00', '3007020105020107', '30060201050201', '3006020185020107', '300702020005020107', '31060201050201070', '3081060201050201070']) {
      expect(decodeDerSignature(Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex')), hex).toBeUndefined();
    }
  });
});

describe('ECDSA over a digest', () => {
  it.each(CASES)('%s: signatures verify with OpenSSL over the message, and OpenSSL signatures verify here', (name, hash) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: name });
    for (let i = 0; i < 4; i++) {
      const msg = randomBytes(1 + i * 40);
      const digest = createHash(hash).update(msg).digest();
      const ours = ecdsaSignDigest(privateKey, digest);
      expect(verify(hash, msg, publicKey, ours)).toBe(true);
      expect(ecdsaVerifyDigest(publicKey, digest, ours)).toBe(true);
      const theirs = sign(hash, msg, privateKey);
      expect(ecdsaVerifyDigest(publicKey, digest, theirs)).toBe(true);
      const other = Buffer.from(digest);
      other[0]! ^= 1;
      expect(ecdsaVerifyDigest(publicKey, other, theirs)).toBe(false);
      expect(ecdsaVerifyDigest(generateKeyPairSync('ec', { namedCurve: name }).publicKey, digest, theirs)).toBe(false);
    }
  });

  it('is randomised (fresh nonce each time)', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const d = randomBytes(32);
    expect(ecdsaSignDigest(privateKey, d).equals(ecdsaSignDigest(privateKey, d))).toBe(false);
  });

  it('rejects r or s outside [1, n-1] and garbage', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const n = CURVES.prime256v1!.n;
    const d = randomBytes(32);
    for (const [r, s] of [[0n, 1n], [1n, 0n], [n, 1n], [1n, n]] as const) expect(ecdsaVerifyDigest(publicKey, d, encodeDerSignature(r, s))).toBe(false);
    expect(ecdsaVerifyDigest(publicKey, d, randomBytes(70))).toBe(false);
  });

  it('uses the leftmost bits of a digest longer than the order', () => {
    const c = CURVES.prime256v1!;
    const long = Buffer.alloc(64, 0xff);
    expect(digestToInteger(c, long)).toBe((1n << 256n) - 1n);
    expect(digestToInteger(CURVES.secp521r1!, long)).toBe((1n << 512n) - 1n);
  });
});
