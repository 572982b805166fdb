import { constants, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EncryptionAlgorithmSpec, KeySpec } from '../../common/model/schemas.js';
import { maxRsaPlaintextLength, rsaDecrypt, rsaEncrypt } from './asymmetric-encrypt.js';
import { generateAsymmetricKeyPair, loadPrivateKey } from './asymmetric-keys.js';

const RSA: KeySpec[] = ['RSA_2048', 'RSA_3072', 'RSA_4096'];
const ALGS: EncryptionAlgorithmSpec[] = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
const keys = new Map(RSA.map((s) => [s, generateAsymmetricKeyPair(s)]));
const MAX: Record<string, [number, number]> = { RSA_2048: [214, 190], RSA_3072: [342, 318], RSA_4096: [470, 446] };

describe('maxRsaPlaintextLength', () => {
  it('gives the AWS table (SHA-1 / SHA-256)', () => {
    for (const s of RSA) expect([maxRsaPlaintextLength(s, 'RSAES_OAEP_SHA_1'), maxRsaPlaintextLength(s, 'RSAES_OAEP_SHA_256')]).toEqual(MAX[s]);
  });

  it('refuses algorithms and specs that do not go together', () => {
    expect(() => maxRsaPlaintextLength('RSA_2048', 'SYMMETRIC_DEFAULT')).toThrow(
      expect.objectContaining({ code: 'InvalidKeyUsageException', message: 'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.' }),
    );
    expect(() => maxRsaPlaintextLength('ECC_NIST_P256', 'RSAES_OAEP_SHA_1')).toThrow(expect.objectContaining({ code: 'InvalidKeyUsageException' }));
  });
});

describe('rsaEncrypt / rsaDecrypt', () => {
  it.each(RSA.flatMap((s) => ALGS.map((a) => [s, a] as const)))('%s %s: round-trips up to the limit, refuses one byte more', (keySpec, algorithm) => {
    const { privateKey, publicKey } = keys.get(keySpec)!;
    const max = maxRsaPlaintextLength(keySpec, algorithm);
    for (const n of [0, 1, max]) {
      const plaintext = randomBytes(n);
      const ciphertext = rsaEncrypt({ keySpec, publicKey, algorithm, plaintext });
      expect(ciphertext.length).toBe(Number(keySpec.slice(4)) / 8);
      expect(rsaDecrypt({ keySpec, privateKey, algorithm, ciphertext }).equals(plaintext)).toBe(true);
    }
    expect(() => rsaEncrypt({ keySpec, publicKey, algorithm, plaintext: randomBytes(max + 1) })).toThrow(
      expect.objectContaining({ code: 'ValidationException', message: `Algorithm ${algorithm} and key spec ${keySpec} cannot encrypt data larger than ${max} bytes.` }),
    );
  });

  it('produces the bare OAEP output that Node decrypts with the private key, and decrypts what Node encrypts', () => {
    const { privateKey, publicKey } = keys.get('RSA_2048')!;
    const key = loadPrivateKey(privateKey);
    const plaintext = randomBytes(100);
    const ct = rsaEncrypt({ keySpec: 'RSA_2048', publicKey, algorithm: 'RSAES_OAEP_SHA_256', plaintext });
    expect(privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, ct).equals(plaintext)).toBe(true);
    const theirs = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, plaintext);
    expect(rsaDecrypt({ keySpec: 'RSA_2048', privateKey: key, algorithm: 'RSAES_OAEP_SHA_1', ciphertext: theirs }).equals(plaintext)).toBe(true);
  });

  it('answers the wrong algorithm, the wrong key, tampering and bad lengths with a bare InvalidCiphertextException', () => {
    const { privateKey, publicKey } = keys.get('RSA_2048')!;
    const other = generateAsymmetricKeyPair('RSA_2048');
    const ciphertext = rsaEncrypt({ keySpec: 'RSA_2048', publicKey, algorithm: 'RSAES_OAEP_SHA_256', plaintext: Buffer.from('secret') });
    const tampered = Buffer.from(ciphertext);
    tampered[10]! ^= 1;
    const cases = [
      { privateKey, algorithm: 'RSAES_OAEP_SHA_1' as const, ciphertext },
      { privateKey: other.privateKey, algorithm: 'RSAES_OAEP_SHA_256' as const, ciphertext },
      { privateKey, algorithm: 'RSAES_OAEP_SHA_256' as const, ciphertext: tampered },
      { privateKey, algorithm: 'RSAES_OAEP_SHA_256' as const, ciphertext: ciphertext.subarray(1) },
      { privateKey, algorithm: 'RSAES_OAEP_SHA_256' as const, ciphertext: Buffer.concat([ciphertext, Buffer.of(0)]) },
    ];
    for (const c of cases) {
      expect(() => rsaDecrypt({ keySpec: 'RSA_2048', ...c })).toThrow(expect.objectContaining({ code: 'InvalidCiphertextException', message: '' }));
    }
  });

  it('refuses a key that is not of the declared spec (internal error)', () => {
    const { publicKey } = keys.get('RSA_3072')!;
    expect(() => rsaEncrypt({ keySpec: 'RSA_2048', publicKey, algorithm: 'RSAES_OAEP_SHA_1', plaintext: Buffer.of(1) })).toThrow(
      expect.objectContaining({ code: 'KMSInternalException' }),
    );
  });
});
