/**
 * Request-quota classes: which AWS KMS request quota ("bucket") each request is charged to.
 *
 * Sources (see reference-impl/quota/README.md for the full table and the reasoning):
 * - AWS KMS Developer Guide, "Request quotas" (requests-per-second.md, current version with the
 *   ML-DSA, ECC_NIST_EDWARDS25519, GetKeyLastUsage and ListKeyRotations rows).
 * - spec/kms-facts.md "Request quotas" — authoritative for this project where it differs from AWS
 *   (only difference in value: ListGrants / ListRetirableGrants are 50/s here, AWS publishes 100/s).
 *
 * Rules taken from AWS's page:
 * - Every quota is calculated independently. Control-plane operations each have their own quota
 *   ("requests for CreateKey have no effect on the quota for CreateAlias"); only the cryptographic
 *   classes and the GenerateDataKeyPair(-WithoutPlaintext) pairs are shared between operations.
 * - The cryptographic class depends on the KMS key: symmetric encryption and HMAC keys →
 *   `symmetric`; RSA → `rsa`; ECC and SM2 → `ecc`; ML-DSA → `ml-dsa`.
 * - GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext are charged only to the quota of
 *   the requested KeyPairSpec (one quota per spec), never to `symmetric`.
 * - A cryptographic operation on a key in a custom key store counts toward TWO quotas:
 *   `symmetric` (per account) and the key store's own 1,800/s quota (per key store, shared by every
 *   account that uses it). {@link QuotaRoute.keyStoreCls} carries the second charge.
 * - ReplicateKey counts as one ReplicateKey in the primary key's Region and two CreateKey requests
 *   in the replica's Region; UpdatePrimaryRegion counts once in each of the two Regions.
 *   {@link QuotaRoute.otherRegion} carries that charge.
 * - DryRun requests count exactly like real ones.
 *
 * Everything here is pure and allocation-free on the lookup path (routes are precomputed).
 *
 * @module
 */
import { OPERATION_NAMES, type OperationName } from '../model/model.js';

/** Operations whose class depends on the KMS key (the "Cryptographic operations (…)" quotas). */
export const CRYPTO_OPERATIONS = [
  'Decrypt',
  'DeriveSharedSecret',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'GenerateRandom',
  'ReEncrypt',
  'Sign',
  'Verify',
  'VerifyMac',
] as const satisfies readonly OperationName[];
export type CryptoOperation = (typeof CRYPTO_OPERATIONS)[number];

/** Operations whose class depends on the requested KeyPairSpec. */
export const DATA_KEY_PAIR_OPERATIONS = ['GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext'] as const satisfies readonly OperationName[];
export type DataKeyPairOperation = (typeof DATA_KEY_PAIR_OPERATIONS)[number];

export type ControlPlaneOperation = Exclude<OperationName, CryptoOperation | DataKeyPairOperation>;

/**
 * Current default rate (requests per second) of every control-plane operation. Each operation is
 * its own quota. Values: AWS's current table, except where the facts sheet says otherwise.
 */
export const CONTROL_PLANE_RATES: Readonly<Record<ControlPlaneOperation, number>> = {
  CancelKeyDeletion: 5,
  ConnectCustomKeyStore: 5,
  CreateAlias: 5,
  CreateCustomKeyStore: 5,
  CreateGrant: 50,
  CreateKey: 5,
  DeleteAlias: 15,
  DeleteCustomKeyStore: 5,
  DeleteImportedKeyMaterial: 15,
  DescribeCustomKeyStores: 5,
  DescribeKey: 2000,
  DisableKey: 5,
  DisableKeyRotation: 5,
  DisconnectCustomKeyStore: 5,
  EnableKey: 5,
  EnableKeyRotation: 15,
  GetKeyLastUsage: 5,
  GetKeyPolicy: 1000,
  GetKeyRotationStatus: 1000,
  GetParametersForImport: 1,
  GetPublicKey: 2000,
  ImportKeyMaterial: 15,
  ListAliases: 500,
  ListGrants: 50, // facts sheet ("grant operations 50/s"); AWS currently publishes 100
  ListKeyPolicies: 100,
  ListKeyRotations: 100,
  ListKeys: 500,
  ListResourceTags: 2000,
  ListRetirableGrants: 50, // facts sheet ("grant operations 50/s"); AWS currently publishes 100
  PutKeyPolicy: 15,
  ReplicateKey: 5,
  RetireGrant: 50,
  RevokeGrant: 50,
  RotateKeyOnDemand: 5,
  ScheduleKeyDeletion: 15,
  TagResource: 10,
  UntagResource: 5,
  UpdateAlias: 5,
  UpdateCustomKeyStore: 5,
  UpdateKeyDescription: 5,
  UpdatePrimaryRegion: 5,
};

/** Control-plane rates where the facts sheet overrides AWS's published value (AWS value given). */
export const FACTS_SHEET_DIVERGENCES: Readonly<Partial<Record<ControlPlaneOperation, { aws: number; factsSheet: number }>>> = {
  ListGrants: { aws: 100, factsSheet: 50 },
  ListRetirableGrants: { aws: 100, factsSheet: 50 },
};

/** KeyPairSpec values (DataKeyPairSpec in the service model) and their quota class. */
export const KEY_PAIR_SPEC_CLASSES = {
  ECC_NIST_P256: 'gdkp-ecc-nist-p256',
  ECC_NIST_P384: 'gdkp-ecc-nist-p384',
  ECC_NIST_P521: 'gdkp-ecc-nist-p521',
  ECC_SECG_P256K1: 'gdkp-ecc-secg-p256k1',
  ECC_NIST_EDWARDS25519: 'gdkp-ecc-nist-edwards25519',
  SM2: 'gdkp-sm2',
  RSA_2048: 'gdkp-rsa-2048',
  RSA_3072: 'gdkp-rsa-3072',
  RSA_4096: 'gdkp-rsa-4096',
} as const;
export type DataKeyPairSpec = keyof typeof KEY_PAIR_SPEC_CLASSES;
export type DataKeyPairClassId = (typeof KEY_PAIR_SPEC_CLASSES)[DataKeyPairSpec];

export type CryptoClassId = 'symmetric' | 'rsa' | 'ecc' | 'ml-dsa';
export type KeyStoreClassId = 'cloudhsm-key-store' | 'external-key-store';
export type QuotaClassId = CryptoClassId | KeyStoreClassId | DataKeyPairClassId | ControlPlaneOperation;

export type QuotaKind = 'cryptographic' | 'custom-key-store' | 'data-key-pair' | 'control-plane';

/** One request quota. */
export interface QuotaClassInfo {
  readonly id: QuotaClassId;
  /** Dense index, stable within a build (use for arrays). */
  readonly index: number;
  /** The quota's name in AWS Service Quotas / the developer guide. */
  readonly awsName: string;
  readonly kind: QuotaKind;
  /** `account`: one bucket per account and Region. `key-store`: one bucket per custom key store. */
  readonly scope: 'account' | 'key-store';
  /** Current default rate, requests/second, before Region tiers (profiles.ts applies those). */
  readonly defaultRate: number;
  /** Operations that can be charged to this quota. */
  readonly operations: readonly OperationName[];
  /** Whether AWS lets customers raise it (the CloudHSM key store quota is fixed). */
  readonly adjustable: boolean;
  /** Where {@link defaultRate} comes from. */
  readonly source: 'aws' | 'facts-sheet' | 'aws+facts-sheet';
  readonly note?: string;
}

const GDKP_OPS = DATA_KEY_PAIR_OPERATIONS;

const CLASS_LIST: readonly Omit<QuotaClassInfo, 'index'>[] = [
  {
    id: 'symmetric',
    awsName: 'Cryptographic operations (symmetric) request rate',
    kind: 'cryptographic',
    scope: 'account',
    defaultRate: 10_000,
    operations: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GenerateRandom', 'ReEncrypt', 'VerifyMac'],
    adjustable: true,
    source: 'aws+facts-sheet',
    note: 'Symmetric encryption and HMAC keys. 20,000/s or 100,000/s in some Regions (profiles.ts).',
  },
  {
    id: 'rsa',
    awsName: 'Cryptographic operations (RSA) request rate',
    kind: 'cryptographic',
    scope: 'account',
    defaultRate: 1000,
    operations: ['Decrypt', 'Encrypt', 'ReEncrypt', 'Sign', 'Verify'],
    adjustable: true,
    source: 'aws+facts-sheet',
  },
  {
    id: 'ecc',
    awsName: 'Cryptographic operations (ECC and SM2) request rate',
    kind: 'cryptographic',
    scope: 'account',
    defaultRate: 1000,
    operations: ['DeriveSharedSecret', 'Sign', 'Verify', 'Encrypt', 'Decrypt', 'ReEncrypt'],
    adjustable: true,
    source: 'aws+facts-sheet',
    note: 'Encrypt/Decrypt/ReEncrypt only for SM2 keys (China Regions).',
  },
  {
    id: 'ml-dsa',
    awsName: 'Cryptographic operations (ML-DSA) request rate',
    kind: 'cryptographic',
    scope: 'account',
    defaultRate: 1000,
    operations: ['Sign', 'Verify'],
    adjustable: true,
    source: 'aws+facts-sheet',
  },
  {
    id: 'cloudhsm-key-store',
    awsName: 'AWS CloudHSM key store request quota',
    kind: 'custom-key-store',
    scope: 'key-store',
    defaultRate: 1800,
    operations: ['Decrypt', 'DeriveSharedSecret', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateRandom', 'ReEncrypt'],
    adjustable: false,
    source: 'aws+facts-sheet',
    note: 'Per key store, in addition to the account-level symmetric quota.',
  },
  {
    id: 'external-key-store',
    awsName: 'External key store request quota',
    kind: 'custom-key-store',
    scope: 'key-store',
    defaultRate: 1800,
    operations: ['Decrypt', 'DeriveSharedSecret', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateRandom', 'ReEncrypt'],
    adjustable: true,
    source: 'aws+facts-sheet',
    note: 'Per key store, in addition to the account-level symmetric quota.',
  },
  ...(
    [
      ['ECC_NIST_P256', 100],
      ['ECC_NIST_P384', 100],
      ['ECC_NIST_P521', 100],
      ['ECC_SECG_P256K1', 100],
      ['ECC_NIST_EDWARDS25519', 100],
      ['SM2', 25],
      ['RSA_2048', 20],
      ['RSA_3072', 4],
      ['RSA_4096', 1],
    ] as const
  ).map(([spec, rate]) => ({
    id: KEY_PAIR_SPEC_CLASSES[spec],
    awsName: spec === 'SM2' ? 'GenerateDataKeyPair (SM2 — China Regions only) request rate' : `GenerateDataKeyPair (${spec}) request rate`,
    kind: 'data-key-pair' as const,
    scope: 'account' as const,
    defaultRate: rate,
    operations: GDKP_OPS,
    adjustable: true,
    source: spec === 'SM2' ? ('aws' as const) : ('aws+facts-sheet' as const),
    ...(spec.startsWith('RSA_') ? { note: 'Lower in the China Regions (1, 0.5, 0.1 for 2048/3072/4096).' } : {}),
  })),
  ...(Object.keys(CONTROL_PLANE_RATES) as ControlPlaneOperation[]).map((op) => {
    const divergence = FACTS_SHEET_DIVERGENCES[op];
    return {
      id: op,
      awsName: `${op} request rate`,
      kind: 'control-plane' as const,
      scope: 'account' as const,
      defaultRate: CONTROL_PLANE_RATES[op],
      operations: [op],
      adjustable: true,
      source: divergence ? ('facts-sheet' as const) : ('aws' as const),
      ...(divergence ? { note: `AWS publishes ${divergence.aws}/s; the facts sheet (authoritative here) says ${divergence.factsSheet}/s.` } : {}),
      ...(op === 'ReplicateKey' ? { note: "Also two CreateKey requests in the replica's Region." } : {}),
      ...(op === 'UpdatePrimaryRegion' ? { note: 'Counts once in each of the two Regions.' } : {}),
    };
  }),
];

/** Every quota class, in index order. */
export const QUOTA_CLASSES: readonly QuotaClassInfo[] = Object.freeze(CLASS_LIST.map((c, index) => Object.freeze({ ...c, index })));

export const QUOTA_CLASS_IDS: readonly QuotaClassId[] = Object.freeze(QUOTA_CLASSES.map((c) => c.id));
export const NUM_QUOTA_CLASSES = QUOTA_CLASSES.length;

const CLASS_BY_ID = new Map<string, QuotaClassInfo>(QUOTA_CLASSES.map((c) => [c.id, c]));
const CLASS_BY_LOWER_ID = new Map<string, QuotaClassInfo>(QUOTA_CLASSES.map((c) => [c.id.toLowerCase(), c]));

export function isQuotaClassId(s: string): s is QuotaClassId {
  return CLASS_BY_ID.has(s);
}

/** Metadata of one class; throws on an unknown id. */
export function quotaClass(id: QuotaClassId | string): QuotaClassInfo {
  const c = CLASS_BY_ID.get(id);
  if (!c) throw new RangeError(`unknown quota class ${JSON.stringify(id)}`);
  return c;
}

/** Case-insensitive lookup (for CLI overrides); undefined when unknown. */
export function findQuotaClass(name: string): QuotaClassInfo | undefined {
  return CLASS_BY_ID.get(name) ?? CLASS_BY_LOWER_ID.get(name.toLowerCase());
}

/** Dense index of a class id (throws on unknown). */
export function classIndex(id: QuotaClassId): number {
  return quotaClass(id).index;
}

// ---------------------------------------------------------------------------------------------
// Key-dependent routing

/** KeySpec of the service model, grouped by the quota its cryptographic operations use. */
const KEY_SPEC_FAMILY: ReadonlyMap<string, CryptoClassId> = new Map<string, CryptoClassId>([
  ['SYMMETRIC_DEFAULT', 'symmetric'],
  ['HMAC_224', 'symmetric'],
  ['HMAC_256', 'symmetric'],
  ['HMAC_384', 'symmetric'],
  ['HMAC_512', 'symmetric'],
  ['RSA_2048', 'rsa'],
  ['RSA_3072', 'rsa'],
  ['RSA_4096', 'rsa'],
  ['ECC_NIST_P256', 'ecc'],
  ['ECC_NIST_P384', 'ecc'],
  ['ECC_NIST_P521', 'ecc'],
  ['ECC_SECG_P256K1', 'ecc'],
  ['ECC_NIST_EDWARDS25519', 'ecc'],
  ['SM2', 'ecc'],
  ['ML_DSA_44', 'ml-dsa'],
  ['ML_DSA_65', 'ml-dsa'],
  ['ML_DSA_87', 'ml-dsa'],
]);

/** Quota family of a KeySpec (throws on a KeySpec the model does not define). */
export function cryptoClassForKeySpec(keySpec: string): CryptoClassId {
  const family = KEY_SPEC_FAMILY.get(keySpec);
  if (!family) throw new RangeError(`unknown KeySpec ${JSON.stringify(keySpec)}`);
  return family;
}

/** CustomKeyStoreType of the service model. */
export type CustomKeyStoreType = 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';

/** Maps a key's Origin (OriginType) to the custom key store type it lives in, if any. */
export function keyStoreTypeForOrigin(origin: string | undefined): CustomKeyStoreType | undefined {
  return origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' ? origin : undefined;
}

/** What the server knows about the request's key when it routes the request to a quota. */
export interface KeyInfo {
  /**
   * KeySpec of the KMS key the request uses. ReEncrypt: the destination key (AWS does not say
   * which of the two keys a cross-type ReEncrypt is charged to; we charge once, to the
   * destination, which is named in the request). Absent (key not resolved, e.g. NotFound, or
   * GenerateRandom): `symmetric`.
   */
  readonly keySpec?: string;
  /**
   * Set when the key is in a custom key store (or, for GenerateRandom, when CustomKeyStoreId is
   * given). Adds the per-key-store charge for the operations AWS lists under that quota.
   */
  readonly customKeyStoreType?: CustomKeyStoreType;
  /** GenerateDataKeyPair(-WithoutPlaintext): the requested KeyPairSpec. Required for those two. */
  readonly keyPairSpec?: string;
}

/** An extra charge in the other Region of a multi-Region operation. */
export interface OtherRegionCharge {
  readonly cls: QuotaClassId;
  readonly classIndex: number;
  readonly cost: number;
}

/** Everything one request is charged to. All routes are precomputed and frozen (no allocation). */
export interface QuotaRoute {
  readonly operation: OperationName;
  /** The one account-level class of this request (per account and Region). */
  readonly cls: QuotaClassId;
  readonly classIndex: number;
  /** Tokens charged to {@link cls}. */
  readonly cost: number;
  /** Second, per-custom-key-store charge (1 token), or null. */
  readonly keyStoreCls: KeyStoreClassId | null;
  readonly keyStoreClassIndex: number;
  /**
   * Charge in the other Region: ReplicateKey → 2 × CreateKey in the replica Region;
   * UpdatePrimaryRegion → 1 × UpdatePrimaryRegion in the other Region. Null otherwise.
   */
  readonly otherRegion: OtherRegionCharge | null;
}

const OP_INDEX = new Map<string, number>(OPERATION_NAMES.map((op, i) => [op, i]));
const KEY_STORE_OPS = new Set<string>(quotaClass('cloudhsm-key-store').operations);

function makeRoute(op: OperationName, cls: QuotaClassId, keyStoreCls: KeyStoreClassId | null): QuotaRoute {
  let otherRegion: OtherRegionCharge | null = null;
  if (op === 'ReplicateKey') otherRegion = Object.freeze({ cls: 'CreateKey', classIndex: classIndex('CreateKey'), cost: 2 });
  if (op === 'UpdatePrimaryRegion') otherRegion = Object.freeze({ cls: 'UpdatePrimaryRegion', classIndex: classIndex('UpdatePrimaryRegion'), cost: 1 });
  return Object.freeze({
    operation: op,
    cls,
    classIndex: classIndex(cls),
    cost: 1,
    keyStoreCls,
    keyStoreClassIndex: keyStoreCls ? classIndex(keyStoreCls) : -1,
    otherRegion,
  });
}

// routes[opIndex][classIndex * 3 + keyStoreVariant], filled lazily (each (op, class, store) once).
const ROUTES: (QuotaRoute | undefined)[][] = OPERATION_NAMES.map(() => []);

function cachedRoute(opIdx: number, cls: QuotaClassId, keyStoreCls: KeyStoreClassId | null): QuotaRoute {
  const variant = keyStoreCls === null ? 0 : keyStoreCls === 'cloudhsm-key-store' ? 1 : 2;
  const slot = quotaClass(cls).index * 3 + variant;
  const row = ROUTES[opIdx]!;
  return (row[slot] ??= makeRoute(OPERATION_NAMES[opIdx]!, cls, keyStoreCls));
}

function operationIndex(operation: string): number {
  const i = OP_INDEX.get(operation);
  if (i === undefined) throw new RangeError(`unknown KMS operation ${JSON.stringify(operation)}`);
  return i;
}

/**
 * Full routing of one request: its class plus any second charge (custom key store) or charge in
 * another Region. Throws RangeError for an unknown operation, an unknown KeySpec, or a
 * GenerateDataKeyPair* request without a valid KeyPairSpec (validate the request first: AWS
 * answers those with ValidationException).
 */
export function quotaRouteFor(operation: OperationName | string, keyInfo?: KeyInfo): QuotaRoute {
  const opIdx = operationIndex(operation);
  const op = OPERATION_NAMES[opIdx]!;
  if (op === 'GenerateDataKeyPair' || op === 'GenerateDataKeyPairWithoutPlaintext') {
    const spec = keyInfo?.keyPairSpec;
    const cls = spec !== undefined && Object.hasOwn(KEY_PAIR_SPEC_CLASSES, spec) ? KEY_PAIR_SPEC_CLASSES[spec as DataKeyPairSpec] : undefined;
    if (!cls) throw new RangeError(`${op} needs keyInfo.keyPairSpec (one of ${Object.keys(KEY_PAIR_SPEC_CLASSES).join(', ')}); got ${JSON.stringify(spec)}`);
    return cachedRoute(opIdx, cls, null);
  }
  if (Object.hasOwn(CONTROL_PLANE_RATES, op)) return cachedRoute(opIdx, op as ControlPlaneOperation, null);
  // Cryptographic operation.
  const cls: CryptoClassId = op === 'GenerateRandom' || keyInfo?.keySpec === undefined ? 'symmetric' : cryptoClassForKeySpec(keyInfo.keySpec);
  const store = keyInfo?.customKeyStoreType;
  const keyStoreCls: KeyStoreClassId | null =
    store !== undefined && KEY_STORE_OPS.has(op) ? (store === 'AWS_CLOUDHSM' ? 'cloudhsm-key-store' : 'external-key-store') : null;
  return cachedRoute(opIdx, cls, keyStoreCls);
}

/** The one account-level quota class a request is charged to (see {@link quotaRouteFor} for the rest). */
export function quotaClassFor(operation: OperationName | string, keyInfo?: KeyInfo): QuotaClassId {
  return quotaRouteFor(operation, keyInfo).cls;
}
