import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../common/model/model.js';
import { RSA_ENCRYPTION_ALGORITHMS, RSA_SIGNING_ALGORITHMS } from '../../common/rsa-algorithms.js';
import { algorithmsFor, checkKeyUsage, incompatibleAlgorithm, KEY_SPECS, keySpecInfo } from './key-specs.js';

const enumOf = (shape: keyof typeof SHAPES): string[] => [...((SHAPES[shape] as { enum?: readonly string[] }).enum ?? [])];

describe('KEY_SPECS', () => {
  it("covers exactly the service model's KeySpec enum", () => {
    expect(Object.keys(KEY_SPECS).sort()).toEqual(enumOf('KeySpec').sort());
    for (const [name, info] of Object.entries(KEY_SPECS)) expect(info.keySpec).toBe(name);
  });

  it('uses only enum values of the model for usages and algorithms', () => {
    const usages = enumOf('KeyUsageType');
    const enc = enumOf('EncryptionAlgorithmSpec');
    const sig = enumOf('SigningAlgorithmSpec');
    const mac = enumOf('MacAlgorithmSpec');
    const ka = enumOf('KeyAgreementAlgorithmSpec');
    for (const info of Object.values(KEY_SPECS)) {
      for (const u of info.keyUsages) expect(usages).toContain(u);
      for (const a of info.encryptionAlgorithms) expect(enc).toContain(a);
      for (const a of info.signingAlgorithms) expect(sig).toContain(a);
      for (const a of info.macAlgorithms) expect(mac).toContain(a);
      for (const a of info.keyAgreementAlgorithms) expect(ka).toContain(a);
    }
  });

  it('gives every model algorithm to some key spec', () => {
    const all = Object.values(KEY_SPECS);
    for (const a of enumOf('SigningAlgorithmSpec')) expect(all.some((i) => i.signingAlgorithms.includes(a as never)), a).toBe(true);
    for (const a of enumOf('EncryptionAlgorithmSpec')) expect(all.some((i) => i.encryptionAlgorithms.includes(a as never)), a).toBe(true);
    for (const a of enumOf('MacAlgorithmSpec')) expect(all.some((i) => i.macAlgorithms.includes(a as never)), a).toBe(true);
  });

  it('carries the parameters each family needs', () => {
    expect(KEY_SPECS.RSA_3072.rsaModulusBits).toBe(3072);
    expect(KEY_SPECS.ECC_SECG_P256K1.curve).toBe('secp256k1');
    expect(KEY_SPECS.ECC_SECG_P256K1.signingAlgorithms).toEqual(['ECDSA_SHA_256']);
    expect(KEY_SPECS.ECC_SECG_P256K1.keyUsages).toEqual(['SIGN_VERIFY']);
    expect([224, 256, 384, 512].map((b) => KEY_SPECS[`HMAC_${b}` as 'HMAC_224'].hmacKeyLength)).toEqual([28, 32, 48, 64]);
    expect(KEY_SPECS.SM2.chinaRegionsOnly).toBe(true);
  });
});

describe('algorithmsFor (DescribeKey / GetPublicKey members)', () => {
  it('matches the AWS examples', () => {
    expect(algorithmsFor('RSA_4096', 'ENCRYPT_DECRYPT')).toEqual({ EncryptionAlgorithms: RSA_ENCRYPTION_ALGORITHMS });
    expect(algorithmsFor('RSA_2048', 'SIGN_VERIFY')).toEqual({ SigningAlgorithms: RSA_SIGNING_ALGORITHMS });
    expect(algorithmsFor('ECC_NIST_P521', 'SIGN_VERIFY')).toEqual({ SigningAlgorithms: ['ECDSA_SHA_512'] });
    expect(algorithmsFor('HMAC_384', 'GENERATE_VERIFY_MAC')).toEqual({ MacAlgorithms: ['HMAC_SHA_384'] });
    expect(algorithmsFor('ECC_NIST_P256', 'KEY_AGREEMENT')).toEqual({ KeyAgreementAlgorithms: ['ECDH'] });
    expect(algorithmsFor('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT')).toEqual({ EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] });
  });

  it('returns fresh arrays', () => {
    algorithmsFor('RSA_2048', 'ENCRYPT_DECRYPT').EncryptionAlgorithms!.push('SM2PKE');
    expect(KEY_SPECS.RSA_2048.encryptionAlgorithms).toHaveLength(2);
  });
});

describe('checks', () => {
  it("refuses usages the spec does not allow, with AWS's message", () => {
    expect(() => checkKeyUsage('RSA_2048', 'KEY_AGREEMENT')).toThrow('KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048');
    expect(() => checkKeyUsage('ECC_SECG_P256K1', 'KEY_AGREEMENT')).toThrow(/not compatible/);
    expect(() => checkKeyUsage('ECC_NIST_P384', 'KEY_AGREEMENT')).not.toThrow();
  });

  it('words algorithm mismatches as AWS does', () => {
    const e = incompatibleAlgorithm('HMAC_SHA_256', 'HMAC_224') as Error & { code: string };
    expect([e.code, e.message]).toEqual(['InvalidKeyUsageException', 'Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.']);
  });

  it('answers an unknown spec with an internal error', () => {
    expect(() => keySpecInfo('RSA_1024')).toThrow(expect.objectContaining({ code: 'KMSInternalException' }));
  });
});
