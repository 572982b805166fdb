import { constants, createHash, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emsaPssEncode, emsaPssVerify, pkcs1SignDigest, pkcs1VerifyDigest, pssSignDigest, pssVerifyDigest, type DigestName } from './rsa-digest.js';

const HASHES: DigestName[] = ['sha256', 'sha384', 'sha512'];
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } as const;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('RSASSA-PKCS1-v1_5 over a digest', () => {
  it.each(HASHES)('%s: identical to crypto.sign over the message; both verify', (hash) => {
    const msg = randomBytes(77);
    const digest = createHash(hash).update(msg).digest();
    const sig = pkcs1SignDigest(privateKey, hash, digest);
    expect(sig.equals(sign(hash, msg, privateKey))).toBe(true); // deterministic scheme
    expect(verify(hash, msg, publicKey, sig)).toBe(true);
    expect(pkcs1VerifyDigest(publicKey, hash, digest, sig)).toBe(true);
    expect(pkcs1VerifyDigest(publicKey, hash, randomBytes(digest.length), sig)).toBe(false);
    expect(pkcs1VerifyDigest(publicKey, hash, digest, sig.subarray(1))).toBe(false);
    expect(pkcs1VerifyDigest(publicKey, hash, digest, randomBytes(sig.length))).toBe(false);
  });

  it('binds the hash algorithm (DigestInfo)', () => {
    const d = randomBytes(32);
    const sig = pkcs1SignDigest(privateKey, 'sha256', d);
    expect(pkcs1VerifyDigest(publicKey, 'sha512', Buffer.concat([d, d]), sig)).toBe(false);
  });
});

describe('RSASSA-PSS over a digest', () => {
  it.each(HASHES)('%s: verifies with OpenSSL (salt = digest length), and OpenSSL signatures verify here', (hash) => {
    const msg = randomBytes(33);
    const digest = createHash(hash).update(msg).digest();
    const sig = pssSignDigest(privateKey, hash, digest);
    expect(verify(hash, msg, { key: publicKey, ...PSS }, sig)).toBe(true);
    expect(pssVerifyDigest(publicKey, hash, digest, sig)).toBe(true);
    const theirs = sign(hash, msg, { key: privateKey, ...PSS });
    expect(pssVerifyDigest(publicKey, hash, digest, theirs)).toBe(true);
    expect(pssVerifyDigest(publicKey, hash, randomBytes(digest.length), theirs)).toBe(false);
  });

  it('refuses a signature with a different salt length', () => {
    const msg = randomBytes(10);
    const digest = createHash('sha256').update(msg).digest();
    const sig = sign('sha256', msg, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 });
    expect(pssVerifyDigest(publicKey, 'sha256', digest, sig)).toBe(false);
  });

  it('EMSA-PSS encoding round-trips and detects any flipped bit', () => {
    const mHash = randomBytes(32);
    const em = emsaPssEncode('sha256', mHash, 2047, Buffer.alloc(32, 7));
    expect(em.length).toBe(256);
    expect(em[0]! & 0x80).toBe(0);
    expect(emsaPssVerify('sha256', mHash, em, 2047)).toBe(true);
    for (const i of [0, 100, 222, 223, 254, 255]) {
      const bad = Buffer.from(em);
      bad[i]! ^= i === 0 ? 0x01 : 0x10;
      expect(emsaPssVerify('sha256', mHash, bad, 2047), `byte ${i}`).toBe(false);
    }
  });

  it('rejects a signature ≥ the modulus', () => {
    expect(pssVerifyDigest(publicKey, 'sha256', randomBytes(32), Buffer.alloc(256, 0xff))).toBe(false);
  });
});
