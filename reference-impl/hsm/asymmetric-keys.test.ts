import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeySpec } from '../../common/model/schemas.js';
import {
  asymmetricSpec,
  exportKeyPair,
  generateAsymmetricKeyPair,
  generateAsymmetricKeyPairAsync,
  importPrivateKey,
  keySpecOfKey,
  loadPrivateKey,
  loadPublicKey,
  publicKeyDer,
} from './asymmetric-keys.js';

const SPECS: KeySpec[] = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519'];
const pairs = new Map(SPECS.map((s) => [s, generateAsymmetricKeyPair(s)]));

describe('generateAsymmetricKeyPair', () => {
  it.each(SPECS)('%s: PKCS#8 DER private key, SPKI DER public key, of the right type', (spec) => {
    const { privateKey, publicKey } = pairs.get(spec)!;
    const priv = createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' });
    const pub = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    expect(keySpecOfKey(priv)).toBe(spec);
    expect(keySpecOfKey(pub)).toBe(spec);
    expect(publicKeyDer(privateKey).equals(publicKey)).toBe(true);
    expect(publicKey[0]).toBe(0x30);
  });

  it('generates a new key each time', () => {
    expect(generateAsymmetricKeyPair('ECC_NIST_P256').privateKey.equals(generateAsymmetricKeyPair('ECC_NIST_P256').privateKey)).toBe(false);
  });

  it('refuses SM2 as AWS does outside China, ML-DSA as unimplemented, and non-asymmetric specs', () => {
    expect(() => generateAsymmetricKeyPair('SM2')).toThrow(
      expect.objectContaining({ code: 'UnsupportedOperationException', message: 'KeySpec SM2 is not supported in this Region' }),
    );
    for (const s of ['ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'] as const) {
      expect(() => generateAsymmetricKeyPair(s)).toThrow(expect.objectContaining({ code: 'UnsupportedOperationException' }));
    }
    for (const s of ['SYMMETRIC_DEFAULT', 'HMAC_256'] as const) expect(() => asymmetricSpec(s)).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
  });
});

describe('loading stored keys', () => {
  it('loads DER and passes KeyObjects through', () => {
    const { privateKey, publicKey } = pairs.get('ECC_NIST_P384')!;
    const priv = loadPrivateKey(privateKey);
    expect(priv).toBeInstanceOf(KeyObject);
    expect(loadPrivateKey(priv)).toBe(priv);
    expect(loadPublicKey(publicKey).type).toBe('public');
    expect(loadPublicKey(priv).type).toBe('public');
  });

  it('answers corrupt stored keys with an internal error that does not echo them', () => {
    const bad = Buffer.from('not a key at all');
    expect(() => loadPrivateKey(bad)).toThrow(expect.objectContaining({ code: 'KMSInternalException', message: 'stored private key is not PKCS#8' }));
    expect(() => loadPublicKey(bad)).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
    expect(() => loadPrivateKey(loadPublicKey(pairs.get('RSA_2048')!.publicKey))).toThrow(/not a private key/);
  });
});

describe('importPrivateKey', () => {
  it.each(SPECS)('%s: accepts PKCS#8 DER and PEM (PKCS#8 and traditional) of the spec', (spec) => {
    const { privateKey, publicKey } = pairs.get(spec)!;
    expect(importPrivateKey(privateKey, spec)).toEqual({ privateKey, publicKey });
    const key = loadPrivateKey(privateKey);
    expect(importPrivateKey(key.export({ type: 'pkcs8', format: 'pem' }) as string, spec).privateKey.equals(privateKey)).toBe(true);
    const traditional = key.asymmetricKeyType === 'rsa' ? 'pkcs1' : key.asymmetricKeyType === 'ec' ? 'sec1' : undefined;
    if (traditional) {
      const pem = key.export({ type: traditional, format: 'pem' }) as string;
      expect(importPrivateKey(Buffer.from(pem), spec).publicKey.equals(publicKey)).toBe(true);
    }
  });

  it('refuses a key of another type, size or curve, naming only the spec', () => {
    const wrong: [KeySpec, KeySpec][] = [
      ['RSA_2048', 'RSA_3072'],
      ['ECC_NIST_P256', 'ECC_SECG_P256K1'],
      ['ECC_SECG_P256K1', 'ECC_NIST_P256'],
      ['ECC_NIST_P384', 'RSA_2048'],
      ['ECC_NIST_EDWARDS25519', 'ECC_NIST_P256'],
    ];
    for (const [have, want] of wrong) {
      expect(() => importPrivateKey(pairs.get(have)!.privateKey, want)).toThrow(
        expect.objectContaining({ code: 'IncorrectKeyMaterialException', message: `The key material is not a valid private key for key spec ${want}.` }),
      );
    }
  });

  it('refuses public keys, garbage, non-PKCS#8 DER and RSA keys of unsupported sizes', () => {
    const ecc = pairs.get('ECC_NIST_P256')!;
    const sec1 = loadPrivateKey(ecc.privateKey).export({ type: 'sec1', format: 'der' });
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'der' });
    for (const [input, spec] of [
      [ecc.publicKey, 'ECC_NIST_P256'],
      [Buffer.from('garbage'), 'ECC_NIST_P256'],
      [sec1, 'ECC_NIST_P256'],
      ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'ECC_NIST_P256'],
      [rsa1024, 'RSA_2048'],
    ] as const) {
      expect(() => importPrivateKey(input, spec)).toThrow(expect.objectContaining({ code: 'IncorrectKeyMaterialException' }));
    }
  });

  it('exportKeyPair round-trips', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp521r1' });
    const pair = exportKeyPair(privateKey);
    expect(importPrivateKey(pair.privateKey, 'ECC_NIST_P521')).toEqual(pair);
  });
});

describe('generateAsymmetricKeyPairAsync', () => {
  it('makes a key pair of the spec in stored form, off the event loop for RSA', async () => {
    for (const spec of ['RSA_2048', 'ECC_NIST_P256', 'ECC_NIST_EDWARDS25519'] as const) {
      const pair = await generateAsymmetricKeyPairAsync(spec);
      const key = createPrivateKey({ key: pair.privateKey, format: 'der', type: 'pkcs8' });
      expect(keySpecOfKey(key)).toBe(spec);
      expect(createPublicKey(key).export({ type: 'spki', format: 'der' }).equals(pair.publicKey)).toBe(true);
    }
  });

  it('refuses SM2 and ML-DSA as generateAsymmetricKeyPair does', async () => {
    await expect(generateAsymmetricKeyPairAsync('SM2')).rejects.toMatchObject({ code: 'UnsupportedOperationException' });
    await expect(generateAsymmetricKeyPairAsync('ML_DSA_44')).rejects.toMatchObject({ code: 'UnsupportedOperationException' });
  });
});
