import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IMPORT_TOKEN_VALIDITY_MS, openImportToken, sealImportToken } from './import-token.js';
import { generateWrappingKeyPair } from './import.js';

const master = randomBytes(32);
const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const wrapping = generateWrappingKeyPair('RSA_4096');
const now = Date.UTC(2026, 0, 1);
const seal = (over: Partial<Parameters<typeof sealImportToken>[1]> = {}) =>
  sealImportToken(master, { keyArn: arn, wrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256', wrappingKeySpec: 'RSA_4096', wrappingPrivateKey: wrapping.privateKey, now, ...over });

describe('import tokens', () => {
  it('round-trip everything ImportKeyMaterial needs, valid for 24 h', () => {
    const { token, expiresAt, tokenId } = seal();
    expect(expiresAt).toBe(now + IMPORT_TOKEN_VALIDITY_MS);
    expect(token.length).toBeLessThan(6144);
    const opened = openImportToken(master, token, { keyArn: arn, now: now + IMPORT_TOKEN_VALIDITY_MS });
    expect(opened).toEqual({
      keyArn: arn,
      wrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_256',
      wrappingKeySpec: 'RSA_4096',
      wrappingPrivateKey: wrapping.privateKey,
      issuedAt: now,
      expiresAt,
      tokenId,
    });
    expect(tokenId).toMatch(/^[0-9a-f]{32}$/);
    expect(seal().tokenId).not.toBe(tokenId);
  });

  it('do not show the wrapping private key', () => {
    const { token } = seal();
    expect(token.includes(wrapping.privateKey.subarray(40, 72))).toBe(false);
  });

  it('expire after their validity (ExpiredImportTokenException)', () => {
    const { token } = seal({ validityMs: 1000 });
    expect(() => openImportToken(master, token, { keyArn: arn, now: now + 1001 })).toThrow(expect.objectContaining({ code: 'ExpiredImportTokenException' }));
    expect(() => openImportToken(master, token, { keyArn: arn, now: now + 1000 })).not.toThrow();
  });

  it('reject tampering, truncation, other keys, other sealing keys and garbage (InvalidImportTokenException)', () => {
    const { token } = seal();
    const bad: Buffer[] = [token.subarray(0, token.length - 1), randomBytes(token.length), Buffer.alloc(0), Buffer.concat([token, Buffer.of(0)])];
    for (const i of [0, 1, 13, 29, 40, token.length - 1]) {
      const t = Buffer.from(token);
      t[i]! ^= 1;
      bad.push(t);
    }
    for (const t of bad) {
      expect(() => openImportToken(master, t, { keyArn: arn, now })).toThrow(expect.objectContaining({ code: 'InvalidImportTokenException' }));
    }
    expect(() => openImportToken(master, token, { keyArn: arn.replace('1234abcd', '1234abce'), now })).toThrow(
      expect.objectContaining({ code: 'InvalidImportTokenException' }),
    );
    expect(() => openImportToken(randomBytes(32), token, { keyArn: arn, now })).toThrow(expect.objectContaining({ code: 'InvalidImportTokenException' }));
  });

  it('checks the token before its expiry: a forged expired token is invalid, not expired', () => {
    const { token } = seal({ validityMs: 1 });
    const t = Buffer.from(token);
    t[50]! ^= 1;
    expect(() => openImportToken(master, t, { keyArn: arn, now: now + 10_000 })).toThrow(expect.objectContaining({ code: 'InvalidImportTokenException' }));
  });

  it('refuses bad arguments as internal errors', () => {
    expect(() => sealImportToken(randomBytes(16), { keyArn: arn, wrappingAlgorithm: 'RSAES_OAEP_SHA_1', wrappingKeySpec: 'RSA_2048', wrappingPrivateKey: Buffer.of(1), now })).toThrow(
      expect.objectContaining({ code: 'KMSInternalException' }),
    );
    expect(() => seal({ keyArn: '' })).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
    expect(() => seal({ now: -1 })).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
  });
});
