import { constants, createHash, randomBytes, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeySpec, SigningAlgorithmSpec } from '../../common/model/schemas.js';
import { generateAsymmetricKeyPair, loadPrivateKey, loadPublicKey } from './asymmetric-keys.js';
import { KEY_SPECS } from './key-specs.js';
import { digestLengthFor, signMessage, verifyMessage, verifySignature } from './sign.js';

const SPECS: KeySpec[] = ['RSA_2048', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1'];
const keys = new Map(SPECS.map((s) => [s, generateAsymmetricKeyPair(s)]));
const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const hashOf = (alg: string): string => HASH[alg.slice(-3)]!;
const CASES = SPECS.flatMap((s) => KEY_SPECS[s].signingAlgorithms.map((a) => [s, a] as const));

describe('signMessage / verifySignature', () => {
  it.each(CASES)('%s %s: RAW and DIGEST signatures verify over the same message, here and with OpenSSL', (keySpec, algorithm) => {
    const { privateKey, publicKey } = keys.get(keySpec)!;
    const message = randomBytes(300);
    const digest = createHash(hashOf(algorithm)).update(message).digest();
    const raw = signMessage({ keySpec, privateKey, algorithm, message });
    const dig = signMessage({ keySpec, privateKey, algorithm, messageType: 'DIGEST', message: digest });
    const pss = algorithm.startsWith('RSASSA_PSS') ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : {};
    for (const signature of [raw, dig]) {
      expect(verify(hashOf(algorithm), message, { key: loadPublicKey(publicKey), ...pss }, signature)).toBe(true);
      expect(verifySignature({ keySpec, publicKey, algorithm, message, signature })).toBe(true);
      expect(verifySignature({ keySpec, publicKey, algorithm, messageType: 'DIGEST', message: digest, signature })).toBe(true);
      expect(() => verifyMessage({ keySpec, publicKey, algorithm, message, signature })).not.toThrow();
    }
    if (algorithm.startsWith('ECDSA')) expect(raw[0]).toBe(0x30); // DER
    if (keySpec === 'RSA_2048') expect(raw.length).toBe(256);
  });

  it.each(CASES)('%s %s: wrong message, tampered or garbage signature → KMSInvalidSignatureException without message', (keySpec, algorithm) => {
    const { privateKey, publicKey } = keys.get(keySpec)!;
    const message = Buffer.from('hello');
    const signature = signMessage({ keySpec, privateKey, algorithm, message });
    const tampered = Buffer.from(signature);
    tampered[tampered.length - 3]! ^= 1;
    for (const [m, s] of [[Buffer.from('hellp'), signature], [message, tampered], [message, Buffer.alloc(0)], [message, randomBytes(signature.length)]] as const) {
      expect(verifySignature({ keySpec, publicKey, algorithm, message: m, signature: s })).toBe(false);
      expect(() => verifyMessage({ keySpec, publicKey, algorithm, message: m, signature: s })).toThrow(
        expect.objectContaining({ code: 'KMSInvalidSignatureException', message: '' }),
      );
    }
  });

  it('checks the DIGEST length with AWS wording', () => {
    const { privateKey, publicKey } = keys.get('RSA_2048')!;
    for (const alg of ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384'] as SigningAlgorithmSpec[]) {
      for (const n of [0, 20, 31, 33, 64]) {
        if (n === digestLengthFor(alg)) continue;
        const err = expect.objectContaining({ code: 'ValidationException', message: `Digest is invalid length for algorithm ${alg}.` });
        expect(() => signMessage({ keySpec: 'RSA_2048', privateKey, algorithm: alg, messageType: 'DIGEST', message: randomBytes(n) })).toThrow(err);
        expect(() => verifySignature({ keySpec: 'RSA_2048', publicKey, algorithm: alg, messageType: 'DIGEST', message: randomBytes(n), signature: randomBytes(256) })).toThrow(err);
      }
    }
    expect([digestLengthFor('ECDSA_SHA_256'), digestLengthFor('ECDSA_SHA_384'), digestLengthFor('RSASSA_PSS_SHA_512'), digestLengthFor('ED25519_SHA_512')]).toEqual([32, 48, 64, undefined]);
  });

  it('refuses algorithms of other key specs (InvalidKeyUsageException, AWS wording)', () => {
    const p256 = keys.get('ECC_NIST_P256')!;
    expect(() => signMessage({ keySpec: 'ECC_NIST_P256', privateKey: p256.privateKey, algorithm: 'ECDSA_SHA_384', message: Buffer.of(1) })).toThrow(
      expect.objectContaining({ code: 'InvalidKeyUsageException', message: 'Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.' }),
    );
    const k1 = keys.get('ECC_SECG_P256K1')!;
    for (const alg of ['ECDSA_SHA_384', 'ECDSA_SHA_512', 'RSASSA_PSS_SHA_256'] as SigningAlgorithmSpec[]) {
      expect(() => signMessage({ keySpec: 'ECC_SECG_P256K1', privateKey: k1.privateKey, algorithm: alg, message: Buffer.of(1) })).toThrow(
        expect.objectContaining({ code: 'InvalidKeyUsageException' }),
      );
    }
    expect(() => verifySignature({ keySpec: 'RSA_2048', publicKey: keys.get('RSA_2048')!.publicKey, algorithm: 'ECDSA_SHA_256', message: Buffer.of(1), signature: Buffer.of(1) })).toThrow(
      expect.objectContaining({ code: 'InvalidKeyUsageException' }),
    );
  });

  it('accepts KeyObjects as well as stored DER', () => {
    const { privateKey, publicKey } = keys.get('ECC_NIST_P384')!;
    const message = randomBytes(10);
    const s = signMessage({ keySpec: 'ECC_NIST_P384', privateKey: loadPrivateKey(privateKey), algorithm: 'ECDSA_SHA_384', message });
    expect(verifySignature({ keySpec: 'ECC_NIST_P384', publicKey: loadPrivateKey(privateKey), algorithm: 'ECDSA_SHA_384', message, signature: s })).toBe(true);
    expect(verifySignature({ keySpec: 'ECC_NIST_P384', publicKey, algorithm: 'ECDSA_SHA_384', message, signature: s })).toBe(true);
  });
});

describe('Ed25519 (ECC_NIST_EDWARDS25519)', () => {
  const { privateKey, publicKey } = generateAsymmetricKeyPair('ECC_NIST_EDWARDS25519');
  const keySpec = 'ECC_NIST_EDWARDS25519' as const;

  it('ED25519_SHA_512 signs RAW messages (pure Ed25519, OpenSSL-verifiable)', () => {
    const message = randomBytes(100);
    const signature = signMessage({ keySpec, privateKey, algorithm: 'ED25519_SHA_512', message });
    expect(signature.length).toBe(64);
    expect(verify(null, message, loadPublicKey(publicKey), signature)).toBe(true);
    expect(verifySignature({ keySpec, publicKey, algorithm: 'ED25519_SHA_512', message, signature })).toBe(true);
  });

  it('ED25519_PH_SHA_512 signs 64-byte DIGEST messages only', () => {
    const message = createHash('sha512').update('doc').digest();
    const signature = signMessage({ keySpec, privateKey, algorithm: 'ED25519_PH_SHA_512', messageType: 'DIGEST', message });
    expect(verifySignature({ keySpec, publicKey, algorithm: 'ED25519_PH_SHA_512', messageType: 'DIGEST', message, signature })).toBe(true);
    expect(() => signMessage({ keySpec, privateKey, algorithm: 'ED25519_PH_SHA_512', messageType: 'DIGEST', message: randomBytes(32) })).toThrow(
      'Digest is invalid length for algorithm ED25519_PH_SHA_512.',
    );
  });

  it('refuses the other message type for each algorithm', () => {
    expect(() => signMessage({ keySpec, privateKey, algorithm: 'ED25519_SHA_512', messageType: 'DIGEST', message: randomBytes(64) })).toThrow(
      expect.objectContaining({ code: 'ValidationException', message: 'Message type DIGEST is incompatible with algorithm ED25519_SHA_512.' }),
    );
    expect(() => signMessage({ keySpec, privateKey, algorithm: 'ED25519_PH_SHA_512', message: randomBytes(64) })).toThrow(
      expect.objectContaining({ code: 'ValidationException', message: 'Message type RAW is incompatible with algorithm ED25519_PH_SHA_512.' }),
    );
  });
});

describe('EXTERNAL_MU', () => {
  it('is refused for non-ML-DSA algorithms', () => {
    const { privateKey } = keys.get('ECC_NIST_P256')!;
    expect(() => signMessage({ keySpec: 'ECC_NIST_P256', privateKey, algorithm: 'ECDSA_SHA_256', messageType: 'EXTERNAL_MU', message: randomBytes(64) })).toThrow(
      expect.objectContaining({ code: 'ValidationException' }),
    );
  });
});
