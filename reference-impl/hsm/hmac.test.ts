import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeySpec, MacAlgorithmSpec } from '../../common/model/schemas.js';
import { checkHmacKeyMaterial, generateHmacKey, generateMac, macMatches, verifyMac } from './hmac.js';

const CASES: [KeySpec, MacAlgorithmSpec, string, number][] = [
  ['HMAC_224', 'HMAC_SHA_224', 'sha224', 28],
  ['HMAC_256', 'HMAC_SHA_256', 'sha256', 32],
  ['HMAC_384', 'HMAC_SHA_384', 'sha384', 48],
  ['HMAC_512', 'HMAC_SHA_512', 'sha512', 64],
];

describe('HMAC keys', () => {
  it.each(CASES)('%s: %s key of %s bytes, standard RFC 2104 tags', (keySpec, algorithm, hash, length) => {
    const key = generateHmacKey(keySpec);
    expect(key.length).toBe(length);
    const message = randomBytes(100);
    const mac = generateMac({ keySpec, key, algorithm, message });
    expect(mac.equals(createHmac(hash, key).update(message).digest())).toBe(true);
    expect(mac.length).toBe(length);
    expect(() => verifyMac({ keySpec, key, algorithm, message, mac })).not.toThrow();
    expect(generateMac({ keySpec, key: createSecretKey(key), algorithm, message }).equals(mac)).toBe(true);
  });

  it('RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe")', () => {
    const mac = generateMac({ keySpec: 'HMAC_256', key: Buffer.from('Jefe'), algorithm: 'HMAC_SHA_256', message: Buffer.from('what do ya want for nothing?') });
    expect(mac.toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('refuses another algorithm than the spec\'s, with AWS wording', () => {
    const key = generateHmacKey('HMAC_224');
    expect(() => generateMac({ keySpec: 'HMAC_224', key, algorithm: 'HMAC_SHA_256', message: Buffer.of(1) })).toThrow(
      expect.objectContaining({ code: 'InvalidKeyUsageException', message: 'Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.' }),
    );
    expect(() => generateMac({ keySpec: 'RSA_2048', key, algorithm: 'HMAC_SHA_256', message: Buffer.of(1) })).toThrow(expect.objectContaining({ code: 'InvalidKeyUsageException' }));
  });

  it('VerifyMac: wrong message, key, truncated or extended MAC → bare KMSInvalidMacException', () => {
    const keySpec = 'HMAC_256';
    const algorithm = 'HMAC_SHA_256';
    const key = generateHmacKey(keySpec);
    const message = Buffer.from('m');
    const mac = generateMac({ keySpec, key, algorithm, message });
    const bad = [
      { message: Buffer.from('n'), key, mac },
      { message, key: generateHmacKey(keySpec), mac },
      { message, key, mac: mac.subarray(0, 16) },
      { message, key, mac: Buffer.concat([mac, Buffer.of(0)]) },
      { message, key, mac: Buffer.alloc(0) },
    ];
    for (const b of bad) {
      expect(macMatches({ keySpec, algorithm, ...b })).toBe(false);
      expect(() => verifyMac({ keySpec, algorithm, ...b })).toThrow(expect.objectContaining({ code: 'KMSInvalidMacException', message: '' }));
    }
  });

  it('imported material: spec length up to 1024 bits', () => {
    for (const [keySpec, , , length] of CASES) {
      for (const n of [length, 100, 128]) expect(() => checkHmacKeyMaterial(keySpec, randomBytes(n))).not.toThrow();
      for (const n of [0, length - 1, 129]) {
        expect(() => checkHmacKeyMaterial(keySpec, randomBytes(n))).toThrow(
          expect.objectContaining({ code: 'IncorrectKeyMaterialException', message: `HMAC key material for key spec ${keySpec} must be ${length} to 128 bytes long.` }),
        );
      }
    }
  });

  it('refuses non-HMAC specs and bad keys as internal errors', () => {
    expect(() => generateHmacKey('SYMMETRIC_DEFAULT')).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
    expect(() => generateMac({ keySpec: 'HMAC_256', key: Buffer.alloc(0), algorithm: 'HMAC_SHA_256', message: Buffer.of(1) })).toThrow(
      expect.objectContaining({ code: 'KMSInternalException' }),
    );
  });
});
