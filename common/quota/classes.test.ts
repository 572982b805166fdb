import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTROL_PLANE_RATES,
  CRYPTO_OPERATIONS,
  KEY_PAIR_SPEC_CLASSES,
  NUM_QUOTA_CLASSES,
  QUOTA_CLASSES,
  cryptoClassForKeySpec,
  keyStoreTypeForOrigin,
  quotaClass,
  quotaClassFor,
  quotaRouteFor,
} from './classes.js';
import { OPERATION_NAMES } from '../model/model.js';

const model = JSON.parse(readFileSync(fileURLToPath(new URL('../../spec/kms-2014-11-01.service-2.json', import.meta.url)), 'utf8')) as {
  operations: Record<string, unknown>;
  shapes: Record<string, { enum?: string[] }>;
};
const modelOps = Object.keys(model.operations).sort();

describe('operation coverage', () => {
  it('every one of the 54 operations of the service model is routed to a quota class', () => {
    expect(modelOps).toHaveLength(54);
    expect([...OPERATION_NAMES].sort()).toEqual(modelOps);
    for (const op of OPERATION_NAMES) expect(() => quotaRouteFor(op, { keySpec: 'SYMMETRIC_DEFAULT', keyPairSpec: 'RSA_2048' }), op).not.toThrow();
  });

  // Key specs each cryptographic operation accepts (other combinations fail with InvalidKeyUsageException
  // and are still charged to the key's family; see the next test).
  const RSA = ['RSA_2048', 'RSA_3072', 'RSA_4096'];
  const ECC = ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519'];
  const HMAC = ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'];
  const MLDSA = ['ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'];
  const VALID: Record<string, string[]> = {
    Encrypt: ['SYMMETRIC_DEFAULT', ...RSA, 'SM2'],
    Decrypt: ['SYMMETRIC_DEFAULT', ...RSA, 'SM2'],
    ReEncrypt: ['SYMMETRIC_DEFAULT', ...RSA, 'SM2'],
    GenerateDataKey: ['SYMMETRIC_DEFAULT'],
    GenerateDataKeyWithoutPlaintext: ['SYMMETRIC_DEFAULT'],
    GenerateMac: HMAC,
    VerifyMac: HMAC,
    Sign: [...RSA, ...ECC, 'SM2', ...MLDSA],
    Verify: [...RSA, ...ECC, 'SM2', ...MLDSA],
    DeriveSharedSecret: [...ECC, 'SM2'],
    GenerateRandom: [],
  };

  it.each(modelOps)('%s maps to exactly one class whose AWS operation list includes it', (op) => {
    const variants =
      op === 'GenerateDataKeyPair' || op === 'GenerateDataKeyPairWithoutPlaintext'
        ? model.shapes['DataKeyPairSpec']!.enum!.map((keyPairSpec) => ({ keyPairSpec }))
        : VALID[op]
          ? [...(['Sign', 'Verify', 'DeriveSharedSecret'].includes(op) ? [] : [undefined]), ...VALID[op].map((keySpec) => ({ keySpec }))]
          : [undefined];
    for (const info of variants) {
      const meta = quotaClass(quotaClassFor(op, info));
      expect(meta.scope).toBe('account');
      expect(meta.operations).toContain(op);
    }
  });

  it('every (operation, KeySpec) pair maps to one class, valid or not', () => {
    for (const op of CRYPTO_OPERATIONS)
      for (const keySpec of model.shapes['KeySpec']!.enum!) expect(quotaClass(quotaClassFor(op, { keySpec })).kind).toBe('cryptographic');
  });

  it('every operation appears in at least one class, every class has a positive default', () => {
    const covered = new Set(QUOTA_CLASSES.flatMap((c) => c.operations));
    expect([...covered].sort()).toEqual(modelOps);
    for (const c of QUOTA_CLASSES) expect(c.defaultRate).toBeGreaterThan(0);
    expect(new Set(QUOTA_CLASSES.map((c) => c.id)).size).toBe(NUM_QUOTA_CLASSES);
    QUOTA_CLASSES.forEach((c, i) => expect(c.index).toBe(i));
  });

  it('control-plane operations each have their own quota (AWS: each quota is calculated independently)', () => {
    const controlPlane = OPERATION_NAMES.filter((op) => Object.hasOwn(CONTROL_PLANE_RATES, op));
    expect(controlPlane).toHaveLength(41);
    for (const op of controlPlane) {
      expect(quotaClassFor(op)).toBe(op);
      expect(quotaClass(op).operations).toEqual([op]);
    }
    expect(quotaClassFor('CreateKey')).not.toBe(quotaClassFor('CreateAlias'));
  });

  it('the model has every KeySpec and KeyPairSpec we route', () => {
    for (const spec of model.shapes['KeySpec']!.enum!) expect(() => cryptoClassForKeySpec(spec)).not.toThrow();
    expect(Object.keys(KEY_PAIR_SPEC_CLASSES).sort()).toEqual([...model.shapes['DataKeyPairSpec']!.enum!].sort());
  });
});

describe('facts-sheet values', () => {
  it.each([
    ['DescribeKey', 2000],
    ['GetPublicKey', 2000],
    ['ListResourceTags', 2000],
    ['GetKeyPolicy', 1000],
    ['GetKeyRotationStatus', 1000],
    ['ListKeys', 500],
    ['ListAliases', 500],
    ['CreateGrant', 50],
    ['RetireGrant', 50],
    ['RevokeGrant', 50],
    ['ListGrants', 50],
    ['ListRetirableGrants', 50],
    ['ScheduleKeyDeletion', 15],
    ['DeleteAlias', 15],
    ['PutKeyPolicy', 15],
    ['EnableKeyRotation', 15],
    ['ImportKeyMaterial', 15],
    ['CreateKey', 5],
    ['CreateAlias', 5],
    ['EnableKey', 5],
    ['DisableKey', 5],
    ['RotateKeyOnDemand', 5],
    ['symmetric', 10_000],
    ['rsa', 1000],
    ['ecc', 1000],
    ['ml-dsa', 1000],
    ['cloudhsm-key-store', 1800],
    ['external-key-store', 1800],
    ['gdkp-ecc-nist-p256', 100],
    ['gdkp-ecc-nist-p384', 100],
    ['gdkp-ecc-nist-p521', 100],
    ['gdkp-ecc-secg-p256k1', 100],
    ['gdkp-ecc-nist-edwards25519', 100],
    ['gdkp-rsa-2048', 20],
    ['gdkp-rsa-3072', 4],
    ['gdkp-rsa-4096', 1],
  ] as const)('%s = %d/s', (cls, rate) => expect(quotaClass(cls).defaultRate).toBe(rate));

  it('only the CloudHSM key store quota is not adjustable', () => {
    expect(QUOTA_CLASSES.filter((c) => !c.adjustable).map((c) => c.id)).toEqual(['cloudhsm-key-store']);
  });
});

describe('key-dependent routing', () => {
  it.each([
    ['Encrypt', 'SYMMETRIC_DEFAULT', 'symmetric'],
    ['Decrypt', 'SYMMETRIC_DEFAULT', 'symmetric'],
    ['GenerateMac', 'HMAC_256', 'symmetric'],
    ['VerifyMac', 'HMAC_512', 'symmetric'],
    ['Encrypt', 'RSA_2048', 'rsa'],
    ['Decrypt', 'RSA_4096', 'rsa'],
    ['Sign', 'RSA_3072', 'rsa'],
    ['Verify', 'RSA_2048', 'rsa'],
    ['Sign', 'ECC_NIST_P256', 'ecc'],
    ['Verify', 'ECC_NIST_EDWARDS25519', 'ecc'],
    ['DeriveSharedSecret', 'ECC_NIST_P384', 'ecc'],
    ['Encrypt', 'SM2', 'ecc'],
    ['Sign', 'ML_DSA_44', 'ml-dsa'],
    ['Verify', 'ML_DSA_87', 'ml-dsa'],
    ['ReEncrypt', 'RSA_2048', 'rsa'],
  ])('%s with a %s key → %s', (op, keySpec, cls) => expect(quotaClassFor(op, { keySpec })).toBe(cls));

  it('crypto operations without a resolved key, and GenerateRandom, are symmetric', () => {
    for (const op of CRYPTO_OPERATIONS) expect(quotaClassFor(op)).toBe('symmetric');
    expect(quotaClassFor('GenerateRandom', { keySpec: 'RSA_2048' })).toBe('symmetric');
  });

  it('GenerateDataKeyPair* go to the KeyPairSpec quota only, whatever the wrapping key', () => {
    for (const op of ['GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext']) {
      expect(quotaClassFor(op, { keyPairSpec: 'RSA_2048', keySpec: 'SYMMETRIC_DEFAULT' })).toBe('gdkp-rsa-2048');
      expect(quotaClassFor(op, { keyPairSpec: 'RSA_4096' })).toBe('gdkp-rsa-4096');
      expect(quotaClassFor(op, { keyPairSpec: 'ECC_NIST_P521' })).toBe('gdkp-ecc-nist-p521');
      const r = quotaRouteFor(op, { keyPairSpec: 'ECC_NIST_P256', customKeyStoreType: 'AWS_CLOUDHSM' });
      expect(r.keyStoreCls).toBeNull();
      expect(() => quotaClassFor(op)).toThrow(/keyPairSpec/);
      expect(() => quotaClassFor(op, { keyPairSpec: 'RSA_1024' })).toThrow(/keyPairSpec/);
    }
  });

  it('custom key store: symmetric plus the per-store quota, only for the listed operations', () => {
    const hsm = quotaRouteFor('Encrypt', { keySpec: 'SYMMETRIC_DEFAULT', customKeyStoreType: 'AWS_CLOUDHSM' });
    expect(hsm.cls).toBe('symmetric');
    expect(hsm.keyStoreCls).toBe('cloudhsm-key-store');
    const xks = quotaRouteFor('GenerateDataKey', { keySpec: 'SYMMETRIC_DEFAULT', customKeyStoreType: 'EXTERNAL_KEY_STORE' });
    expect(xks.keyStoreCls).toBe('external-key-store');
    expect(quotaRouteFor('GenerateRandom', { customKeyStoreType: 'AWS_CLOUDHSM' }).keyStoreCls).toBe('cloudhsm-key-store');
    // Management operations on such keys apply only to their account-level quota (AWS example: PutKeyPolicy).
    expect(quotaRouteFor('PutKeyPolicy', { customKeyStoreType: 'AWS_CLOUDHSM' }).keyStoreCls).toBeNull();
    expect(quotaRouteFor('GenerateMac', { keySpec: 'HMAC_256', customKeyStoreType: 'AWS_CLOUDHSM' }).keyStoreCls).toBeNull();
    expect(keyStoreTypeForOrigin('AWS_CLOUDHSM')).toBe('AWS_CLOUDHSM');
    expect(keyStoreTypeForOrigin('AWS_KMS')).toBeUndefined();
  });

  it('multi-Region operations carry the charge in the other Region', () => {
    expect(quotaRouteFor('ReplicateKey').otherRegion).toMatchObject({ cls: 'CreateKey', cost: 2 });
    expect(quotaRouteFor('UpdatePrimaryRegion').otherRegion).toMatchObject({ cls: 'UpdatePrimaryRegion', cost: 1 });
    expect(quotaRouteFor('CreateKey').otherRegion).toBeNull();
  });

  it('routes are cached: the same object every time (no allocation on the hot path)', () => {
    expect(quotaRouteFor('Decrypt', { keySpec: 'SYMMETRIC_DEFAULT' })).toBe(quotaRouteFor('Decrypt'));
    expect(Object.isFrozen(quotaRouteFor('Sign', { keySpec: 'RSA_2048' }))).toBe(true);
  });

  it('rejects unknown operations and key specs', () => {
    expect(() => quotaClassFor('Frobnicate')).toThrow(/unknown KMS operation/);
    expect(() => quotaClassFor('Sign', { keySpec: 'RSA_1024' })).toThrow(/unknown KeySpec/);
  });
});
