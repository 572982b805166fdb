import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodePoint, ed25519phSign, ed25519phSignRaw, ed25519phVerify, ed25519phVerifyRaw, ed25519PublicKey, encodePoint } from './ed25519ph.js';

// RFC 8032 §7.3, "TEST abc" (Ed25519ph).
const SECRET = Buffer.from('833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42', 'hex');
const PUBLIC = Buffer.from('ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf', 'hex');
const SIG = Buffer.from(
  '98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41' + '31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406',
  'hex',
);

describe('Ed25519ph', () => {
  it('reproduces the RFC 8032 test vector', () => {
    expect(ed25519PublicKey(SECRET).equals(PUBLIC)).toBe(true);
    expect(ed25519phSignRaw(SECRET, Buffer.from('abc')).equals(SIG)).toBe(true);
    expect(ed25519phVerifyRaw(PUBLIC, Buffer.from('abc'), SIG)).toBe(true);
  });

  it('derives the same public key as OpenSSL', () => {
    for (let i = 0; i < 3; i++) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const jwk = privateKey.export({ format: 'jwk' });
      expect(ed25519PublicKey(Buffer.from(jwk.d!, 'base64url')).toString('base64url')).toBe(jwk.x);
    }
  });

  it('signs with KeyObjects and rejects other messages, keys and tampered signatures', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const m = randomBytes(64);
    const s = ed25519phSign(privateKey, m);
    expect(ed25519phVerify(publicKey, m, s)).toBe(true);
    expect(ed25519phVerify(publicKey, randomBytes(64), s)).toBe(false);
    expect(ed25519phVerify(generateKeyPairSync('ed25519').publicKey, m, s)).toBe(false);
    for (const i of [0, 31, 32, 63]) {
      const bad = Buffer.from(s);
      bad[i]! ^= 4;
      expect(ed25519phVerify(publicKey, m, bad)).toBe(false);
    }
    expect(ed25519phVerify(publicKey, m, s.subarray(1))).toBe(false);
  });

  it('is not pure Ed25519 (domain separation)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const m = randomBytes(64);
    expect(ed25519phVerify(publicKey, m, sign(null, m, privateKey))).toBe(false);
  });

  it('point encoding round-trips and rejects non-canonical input', () => {
    const p = decodePoint(PUBLIC)!;
    expect(encodePoint(p).equals(PUBLIC)).toBe(true);
    const nonCanonical = Buffer.alloc(32, 0xff);
    nonCanonical[31] = 0x7f; // y = 2^255 - 1 ≥ p
    expect(decodePoint(nonCanonical)).toBeUndefined();
    expect(decodePoint(Buffer.alloc(31))).toBeUndefined();
  });
});
