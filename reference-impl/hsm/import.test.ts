import { constants, createCipheriv, createPublicKey, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AlgorithmSpec, KeySpec, WrappingKeySpec } from '../../common/model/schemas.js';
import { generateAsymmetricKeyPair, loadPrivateKey } from './asymmetric-keys.js';
import {
  checkWrappingParameters,
  generateWrappingKeyPair,
  unwrapKeyMaterial,
  validateImportedKeyMaterial,
  wrappingAlgorithmSupports,
  WRAPPING_KEY_BITS,
} from './import.js';

const wrap2048 = generateWrappingKeyPair('RSA_2048');
const wrap3072 = generateWrappingKeyPair('RSA_3072');

/** What a client does with Node's crypto (mirrors AWS's OpenSSL recipe). */
function wrap(publicKeyDer: Buffer, algorithm: AlgorithmSpec, material: Buffer, aesKeyLength = 32): Buffer {
  const key = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  const oaepHash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  if (algorithm.startsWith('RSAES_OAEP')) return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, material);
  const aesKey = randomBytes(aesKeyLength);
  const c = createCipheriv(`id-aes${aesKeyLength * 8}-wrap-pad`, aesKey, Buffer.from('a65959a6', 'hex'));
  const wrapped = Buffer.concat([c.update(material), c.final()]);
  return Buffer.concat([publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, aesKey), wrapped]);
}

const ALGS: AlgorithmSpec[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'];

describe('wrapping parameters', () => {
  it('generates RSA wrapping keys of each spec', () => {
    const k = loadPrivateKey(wrap2048.privateKey);
    expect(k.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(Object.keys(WRAPPING_KEY_BITS).sort()).toEqual(['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2']);
    expect(() => generateWrappingKeyPair('SM2')).toThrow(expect.objectContaining({ code: 'UnsupportedOperationException' }));
  });

  it('refuses RSAES_PKCS1_V1_5 (withdrawn 2023-10-10) and the China-only SM2 options', () => {
    for (const ws of ['RSA_2048', 'RSA_3072', 'RSA_4096'] as WrappingKeySpec[]) for (const a of ALGS) expect(() => checkWrappingParameters(a, ws)).not.toThrow();
    expect(() => checkWrappingParameters('RSAES_PKCS1_V1_5', 'RSA_2048')).toThrow(expect.objectContaining({ code: 'UnsupportedOperationException' }));
    expect(() => checkWrappingParameters('SM2PKE', 'RSA_2048')).toThrow(expect.objectContaining({ code: 'UnsupportedOperationException' }));
    expect(() => checkWrappingParameters('RSAES_OAEP_SHA_256', 'SM2')).toThrow(
      expect.objectContaining({ code: 'UnsupportedOperationException', message: 'WrappingKeySpec SM2 is not supported in this Region' }),
    );
  });

  it("follows AWS's table of algorithms per kind of material", () => {
    const ok = (k: KeySpec, a: AlgorithmSpec, w: WrappingKeySpec = 'RSA_4096') => wrappingAlgorithmSupports(k, a, w);
    expect(ALGS.map((a) => ok('SYMMETRIC_DEFAULT', a))).toEqual([true, true, false, false]);
    expect(ALGS.map((a) => ok('HMAC_256', a))).toEqual([true, true, false, false]);
    expect(ALGS.map((a) => ok('RSA_2048', a))).toEqual([false, false, true, true]);
    expect(ALGS.map((a) => ok('ECC_NIST_P384', a))).toEqual([true, true, true, true]);
    expect(ALGS.map((a) => ok('ECC_NIST_P521', a, 'RSA_2048'))).toEqual([false, false, true, true]);
    expect(ALGS.map((a) => ok('ECC_NIST_P521', a, 'RSA_3072'))).toEqual([true, true, true, true]);
    expect(ok('ML_DSA_44', 'RSA_AES_KEY_WRAP_SHA_256')).toBe(false);
    expect(ok('SYMMETRIC_DEFAULT', 'RSAES_PKCS1_V1_5')).toBe(false);
  });
});

describe('unwrapKeyMaterial', () => {
  it.each(ALGS)('%s: unwraps what a client wrapped with Node', (wrappingAlgorithm) => {
    const material = wrappingAlgorithm.startsWith('RSA_AES') ? generateAsymmetricKeyPair('RSA_2048').privateKey : randomBytes(32);
    const encryptedKeyMaterial = wrap(wrap2048.publicKey, wrappingAlgorithm, material);
    expect(unwrapKeyMaterial({ wrappingPrivateKey: wrap2048.privateKey, wrappingAlgorithm, encryptedKeyMaterial }).equals(material)).toBe(true);
  });

  it('accepts 128- and 192-bit AES keys in RSA_AES_KEY_WRAP and material of any length', () => {
    for (const aes of [16, 24]) {
      for (const n of [1, 7, 8, 65]) {
        const material = randomBytes(n);
        const encryptedKeyMaterial = wrap(wrap3072.publicKey, 'RSA_AES_KEY_WRAP_SHA_1', material, aes);
        expect(unwrapKeyMaterial({ wrappingPrivateKey: wrap3072.privateKey, wrappingAlgorithm: 'RSA_AES_KEY_WRAP_SHA_1', encryptedKeyMaterial }).equals(material)).toBe(true);
      }
    }
  });

  it('answers the wrong key, the wrong algorithm, tampering and truncation with a bare InvalidCiphertextException', () => {
    const material = randomBytes(32);
    const oaep = wrap(wrap2048.publicKey, 'RSAES_OAEP_SHA_256', material);
    const kw = wrap(wrap2048.publicKey, 'RSA_AES_KEY_WRAP_SHA_256', material);
    const flip = (b: Buffer, i: number) => {
      const c = Buffer.from(b);
      c[i]! ^= 1;
      return c;
    };
    const cases: [AlgorithmSpec, Buffer, Buffer][] = [
      ['RSAES_OAEP_SHA_1', oaep, wrap2048.privateKey],
      ['RSAES_OAEP_SHA_256', oaep, wrap3072.privateKey],
      ['RSAES_OAEP_SHA_256', flip(oaep, 5), wrap2048.privateKey],
      ['RSAES_OAEP_SHA_256', oaep.subarray(1), wrap2048.privateKey],
      ['RSAES_OAEP_SHA_256', kw, wrap2048.privateKey],
      ['RSA_AES_KEY_WRAP_SHA_256', oaep, wrap2048.privateKey],
      ['RSA_AES_KEY_WRAP_SHA_1', kw, wrap2048.privateKey],
      ['RSA_AES_KEY_WRAP_SHA_256', flip(kw, kw.length - 1), wrap2048.privateKey],
      ['RSA_AES_KEY_WRAP_SHA_256', kw.subarray(0, kw.length - 8), wrap2048.privateKey],
      ['RSA_AES_KEY_WRAP_SHA_256', Buffer.alloc(0), wrap2048.privateKey],
    ];
    for (const [wrappingAlgorithm, encryptedKeyMaterial, wrappingPrivateKey] of cases) {
      expect(() => unwrapKeyMaterial({ wrappingPrivateKey, wrappingAlgorithm, encryptedKeyMaterial })).toThrow(
        expect.objectContaining({ code: 'InvalidCiphertextException', message: '' }),
      );
    }
  });

  it('refuses RSAES_PKCS1_V1_5 even for material wrapped with it', () => {
    const key = createPublicKey({ key: wrap2048.publicKey, format: 'der', type: 'spki' });
    const encryptedKeyMaterial = publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, randomBytes(32));
    expect(() => unwrapKeyMaterial({ wrappingPrivateKey: wrap2048.privateKey, wrappingAlgorithm: 'RSAES_PKCS1_V1_5', encryptedKeyMaterial })).toThrow(
      expect.objectContaining({ code: 'UnsupportedOperationException' }),
    );
  });
});

describe('validateImportedKeyMaterial', () => {
  it('SYMMETRIC_DEFAULT: exactly 32 bytes', () => {
    const m = randomBytes(32);
    expect(validateImportedKeyMaterial('SYMMETRIC_DEFAULT', m)).toEqual(m);
    for (const n of [16, 31, 33, 64]) {
      expect(() => validateImportedKeyMaterial('SYMMETRIC_DEFAULT', randomBytes(n))).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
    }
  });

  it('HMAC: spec length to 1024 bits', () => {
    expect(validateImportedKeyMaterial('HMAC_384', randomBytes(48))).toHaveLength(48);
    expect(() => validateImportedKeyMaterial('HMAC_384', randomBytes(47))).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
  });

  it('asymmetric: DER PKCS#8 of the spec, returned as a key pair; PEM text and other keys refused', () => {
    const pair = generateAsymmetricKeyPair('ECC_SECG_P256K1');
    expect(validateImportedKeyMaterial('ECC_SECG_P256K1', pair.privateKey)).toEqual(pair);
    const pem = Buffer.from(loadPrivateKey(pair.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string);
    for (const [spec, m] of [
      ['ECC_SECG_P256K1', pem],
      ['ECC_NIST_P256', pair.privateKey],
      ['RSA_2048', randomBytes(32)],
      ['RSA_2048', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'der' })],
    ] as const) {
      expect(() => validateImportedKeyMaterial(spec, m)).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
    }
  });

  it('refuses ML-DSA and SM2', () => {
    expect(() => validateImportedKeyMaterial('ML_DSA_65', Buffer.of(0x30))).toThrow(expect.objectContaining({ code: 'UnsupportedOperationException' }));
    expect(() => validateImportedKeyMaterial('SM2', Buffer.of(0x30))).toThrow(expect.objectContaining({ code: 'UnsupportedOperationException' }));
  });
});
