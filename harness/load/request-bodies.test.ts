import { describe, expect, it } from 'vitest';
import { encryptionAlgorithm, keyUsageFor, requestBody, RequestBodyError, valuesOf, type BodyParams } from './request-bodies.js';

const values = valuesOf({
  keyId: 'k1',
  destinationKeyId: 'k2',
  plaintext: (n) => `p${n}`,
  message: 'bXNn',
  ciphertext: 'Y3Q=',
  signature: 'c2ln',
  mac: 'bWFj',
});

describe('the request body table', () => {
  it('builds each operation from its parameters and values', () => {
    expect(requestBody('Encrypt', { plaintextBytes: 9000, encryptionContext: { a: 'b' } }, values)).toEqual({ KeyId: 'k1', Plaintext: 'p4096', EncryptionContext: { a: 'b' } });
    expect(requestBody('Encrypt', { keySpec: 'RSA_2048', plaintextBytes: 32 }, values)).toEqual({ KeyId: 'k1', Plaintext: 'p32', EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' });
    expect(requestBody('Decrypt', { keySpec: 'SM2' }, values)).toEqual({ KeyId: 'k1', CiphertextBlob: 'Y3Q=', EncryptionAlgorithm: 'SM2PKE' });
    expect(requestBody('ReEncrypt', {}, values)).toEqual({ CiphertextBlob: 'Y3Q=', DestinationKeyId: 'k2' });
    expect(requestBody('GenerateDataKey', { numberOfBytes: 16 }, values)).toEqual({ KeyId: 'k1', NumberOfBytes: 16 });
    expect(requestBody('GenerateDataKeyWithoutPlaintext', {}, values)).toEqual({ KeyId: 'k1', KeySpec: 'AES_256' });
    expect(requestBody('Verify', { keySpec: 'ECC_NIST_P384' }, values)).toEqual({ KeyId: 'k1', Message: 'bXNn', MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_384', Signature: 'c2ln' });
    expect(requestBody('VerifyMac', { keySpec: 'HMAC_512' }, values)).toEqual({ KeyId: 'k1', Message: 'bXNn', MacAlgorithm: 'HMAC_SHA_512', Mac: 'bWFj' });
    expect(requestBody('ListKeys', {}, values)).toEqual({});
    expect(requestBody('ListAliases', { limit: 10 }, values)).toEqual({ Limit: 10 });
    expect(requestBody('GetPublicKey', {}, values)).toEqual({ KeyId: 'k1' });
  });

  it('says what a body lacks', () => {
    expect(() => requestBody('Decrypt', {}, valuesOf({ keyId: 'k', plaintext: String }))).toThrow(RequestBodyError);
    expect(() => requestBody('Verify', {}, valuesOf({ keyId: 'k', plaintext: String, message: 'm' }))).toThrow(/Verify needs a signature/);
  });

  it('rendered as source (the k6 exporter) and evaluated, a body equals the one built from values', () => {
    const source = { keyId: 'k', destinationKeyId: 'k2', plaintext: (n: number) => `p(${n})`, message: 'M', ciphertext: 'c', signature: 's', mac: 'm', literal: (x: unknown) => JSON.stringify(x) };
    const cases: [string, BodyParams][] = [
      ['Encrypt', { keySpec: 'RSA_3072', plaintextBytes: 100, encryptionContext: { x: 'y' } }],
      ['ReEncrypt', { encryptionContext: { x: 'y' } }],
      ['GenerateDataKeyPair', { keyPairSpec: 'RSA_2048' }],
      ['Sign', { keySpec: 'ML_DSA_65' }],
      ['GenerateRandom', { numberOfBytes: 64 }],
      ['GetKeyPolicy', {}],
    ];
    for (const [op, params] of cases) {
      const text = `({ ${Object.entries(requestBody(op, params, source)).map(([key, v]) => `${key}: ${v}`).join(', ')} })`;
      const evaluated = new Function('k', 'k2', 'p', 'M', 'c', 's', 'm', `return ${text};`)('k1', 'k2', (n: number) => `p${n}`, 'bXNn', 'Y3Q=', 'c2ln', 'bWFj');
      expect(evaluated, op).toEqual(requestBody(op, params, values));
    }
  });

  it('the key a set of requests needs', () => {
    expect(keyUsageFor('SYMMETRIC_DEFAULT', new Set(['Encrypt']))).toBe('ENCRYPT_DECRYPT');
    expect(keyUsageFor('HMAC_256', new Set(['GenerateMac']))).toBe('GENERATE_VERIFY_MAC');
    expect(keyUsageFor('RSA_2048', new Set(['Sign']))).toBe('SIGN_VERIFY');
    expect(keyUsageFor('RSA_2048', new Set(['Decrypt']))).toBe('ENCRYPT_DECRYPT');
    expect(keyUsageFor('SM2', new Set(['Decrypt']))).toBe('ENCRYPT_DECRYPT');
    expect(keyUsageFor('ECC_NIST_P256', new Set(['DescribeKey']))).toBe('SIGN_VERIFY');
    expect(encryptionAlgorithm('SYMMETRIC_DEFAULT')).toBeUndefined();
  });
});
