/**
 * Every KMS `KeySpec` and what it allows: key usages, the algorithm lists DescribeKey and
 * GetPublicKey return, and the parameters the HSM needs (Node curve name, RSA modulus size,
 * HMAC key length). Pure data plus a few lookups; no crypto.
 *
 * Sources (AWS):
 * - Key usages per spec: CreateKey `KeyUsage` documentation in the service model
 *   (spec/kms-2014-11-01.service-2.json): RSA → ENCRYPT_DECRYPT or SIGN_VERIFY; NIST ECC →
 *   SIGN_VERIFY or KEY_AGREEMENT; ECC_SECG_P256K1, ML-DSA → SIGN_VERIFY; SM2 → all three;
 *   ECC_NIST_EDWARDS25519 "signing and verification only" (CreateKey `KeySpec` doc).
 * - Algorithm lists and their order (the RSA ones in common/rsa-algorithms.ts): "Key spec reference",
 *   https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html, and
 *   the AWS-authored examples in spec/kms-2014-11-01.examples-1.json (RSA SigningAlgorithms
 *   PKCS1 then PSS; EncryptionAlgorithms OAEP SHA_1 then SHA_256; ECC_NIST_P521 →
 *   ECDSA_SHA_512; HMAC_384 → HMAC_SHA_384). DescribeKey lists only the algorithms of the
 *   key's usage (an RSA SIGN_VERIFY key has no EncryptionAlgorithms member).
 * - ECC_SECG_P256K1 signs with ECDSA_SHA_256 only (Key spec reference, ECC table).
 * - SM2 is offered in China Regions only; elsewhere CreateKey answers
 *   `UnsupportedOperationException: KeySpec SM2 is not supported in this Region` (real-KMS
 *   output reported in floci-io/floci#3026).
 *
 * @module
 */

import { InvalidKeyUsageException, KMSInternalException, ValidationException } from '../errors.js';
import type {
  EncryptionAlgorithmSpec,
  KeyAgreementAlgorithmSpec,
  KeySpec,
  KeyUsageType,
  MacAlgorithmSpec,
  SigningAlgorithmSpec,
} from '../../common/model/schemas.js';
import { RSA_ENCRYPTION_ALGORITHMS, RSA_SIGNING_ALGORITHMS } from '../../common/rsa-algorithms.js';

export type KeyFamily = 'symmetric' | 'hmac' | 'rsa' | 'ecc' | 'ed25519' | 'ml-dsa' | 'sm2';

export interface KeySpecInfo {
  readonly keySpec: KeySpec;
  readonly family: KeyFamily;
  /** The usages CreateKey accepts for this spec; the first is not a default (only SYMMETRIC_DEFAULT has one). */
  readonly keyUsages: readonly KeyUsageType[];
  readonly encryptionAlgorithms: readonly EncryptionAlgorithmSpec[];
  readonly signingAlgorithms: readonly SigningAlgorithmSpec[];
  readonly macAlgorithms: readonly MacAlgorithmSpec[];
  readonly keyAgreementAlgorithms: readonly KeyAgreementAlgorithmSpec[];
  /** Node/OpenSSL curve name (`crypto.getCurves()`), for ECC and SM2. */
  readonly curve?: string;
  /** RSA modulus length in bits. */
  readonly rsaModulusBits?: number;
  /** Length of the HMAC key this HSM generates, in bytes (= the key spec's bit size / 8). */
  readonly hmacKeyLength?: number;
  /** AWS offers the spec only in the China Regions; this server refuses it. */
  readonly chinaRegionsOnly: boolean;
  /** This HSM can create and use key material of this spec (false: Node 20 / OpenSSL 3.0 lack the primitive). */
  readonly implemented: boolean;
}

const NONE: readonly never[] = [];
const base = {
  encryptionAlgorithms: NONE,
  signingAlgorithms: NONE,
  macAlgorithms: NONE,
  keyAgreementAlgorithms: NONE,
  chinaRegionsOnly: false,
  implemented: true,
} as const;

const rsa = (keySpec: KeySpec, bits: number): KeySpecInfo => ({
  ...base,
  keySpec,
  family: 'rsa',
  keyUsages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  encryptionAlgorithms: RSA_ENCRYPTION_ALGORITHMS,
  signingAlgorithms: RSA_SIGNING_ALGORITHMS,
  rsaModulusBits: bits,
});

const nist = (keySpec: KeySpec, curve: string, alg: SigningAlgorithmSpec): KeySpecInfo => ({
  ...base,
  keySpec,
  family: 'ecc',
  keyUsages: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  signingAlgorithms: [alg],
  keyAgreementAlgorithms: ['ECDH'],
  curve,
});

const hmac = (keySpec: KeySpec, alg: MacAlgorithmSpec, bytes: number): KeySpecInfo => ({
  ...base,
  keySpec,
  family: 'hmac',
  keyUsages: ['GENERATE_VERIFY_MAC'],
  macAlgorithms: [alg],
  hmacKeyLength: bytes,
});

const mlDsa = (keySpec: KeySpec): KeySpecInfo => ({
  ...base,
  keySpec,
  family: 'ml-dsa',
  keyUsages: ['SIGN_VERIFY'],
  signingAlgorithms: ['ML_DSA_SHAKE_256'],
  implemented: false,
});

/** The table, keyed by KeySpec. Covers exactly the service model's KeySpec enum (tested). */
export const KEY_SPECS: Readonly<Record<KeySpec, KeySpecInfo>> = {
  SYMMETRIC_DEFAULT: {
    ...base,
    keySpec: 'SYMMETRIC_DEFAULT',
    family: 'symmetric',
    keyUsages: ['ENCRYPT_DECRYPT'],
    encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
  },
  RSA_2048: rsa('RSA_2048', 2048),
  RSA_3072: rsa('RSA_3072', 3072),
  RSA_4096: rsa('RSA_4096', 4096),
  ECC_NIST_P256: nist('ECC_NIST_P256', 'prime256v1', 'ECDSA_SHA_256'),
  ECC_NIST_P384: nist('ECC_NIST_P384', 'secp384r1', 'ECDSA_SHA_384'),
  ECC_NIST_P521: nist('ECC_NIST_P521', 'secp521r1', 'ECDSA_SHA_512'),
  ECC_SECG_P256K1: {
    ...base,
    keySpec: 'ECC_SECG_P256K1',
    family: 'ecc',
    keyUsages: ['SIGN_VERIFY'],
    signingAlgorithms: ['ECDSA_SHA_256'],
    curve: 'secp256k1',
  },
  ECC_NIST_EDWARDS25519: {
    ...base,
    keySpec: 'ECC_NIST_EDWARDS25519',
    family: 'ed25519',
    keyUsages: ['SIGN_VERIFY'],
    signingAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'],
  },
  HMAC_224: hmac('HMAC_224', 'HMAC_SHA_224', 28),
  HMAC_256: hmac('HMAC_256', 'HMAC_SHA_256', 32),
  HMAC_384: hmac('HMAC_384', 'HMAC_SHA_384', 48),
  HMAC_512: hmac('HMAC_512', 'HMAC_SHA_512', 64),
  ML_DSA_44: mlDsa('ML_DSA_44'),
  ML_DSA_65: mlDsa('ML_DSA_65'),
  ML_DSA_87: mlDsa('ML_DSA_87'),
  SM2: {
    ...base,
    keySpec: 'SM2',
    family: 'sm2',
    keyUsages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'],
    encryptionAlgorithms: ['SM2PKE'],
    signingAlgorithms: ['SM2DSA'],
    keyAgreementAlgorithms: ['ECDH'],
    curve: 'SM2',
    chinaRegionsOnly: true,
    implemented: false,
  },
};

/**
 * The spec's entry.
 * @throws KMSInternalException for a value outside the model's enum (request validation runs
 *   before the HSM, so this is a caller bug).
 */
export function keySpecInfo(keySpec: string): KeySpecInfo {
  const info = Object.prototype.hasOwnProperty.call(KEY_SPECS, keySpec) ? KEY_SPECS[keySpec as KeySpec] : undefined;
  if (!info) throw new KMSInternalException('unknown key spec');
  return info;
}

export const isAsymmetric = (info: KeySpecInfo): boolean => info.family !== 'symmetric' && info.family !== 'hmac';

/**
 * CreateKey's check of KeySpec × KeyUsage. AWS: `KeyUsage KEY_AGREEMENT is not compatible with
 * KeySpec RSA_2048` (ValidationException; aws-observed.md V11).
 */
export function checkKeyUsage(keySpec: KeySpec, keyUsage: KeyUsageType): void {
  if (!keySpecInfo(keySpec).keyUsages.includes(keyUsage)) {
    throw new ValidationException(`KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}`);
  }
}

/** The algorithm members of KeyMetadata / GetPublicKey for a key of this spec and usage. */
export interface KeyAlgorithms {
  EncryptionAlgorithms?: EncryptionAlgorithmSpec[];
  SigningAlgorithms?: SigningAlgorithmSpec[];
  MacAlgorithms?: MacAlgorithmSpec[];
  KeyAgreementAlgorithms?: KeyAgreementAlgorithmSpec[];
}

/** As DescribeKey shows them: only the list that belongs to `keyUsage` (fresh arrays). */
export function algorithmsFor(keySpec: KeySpec, keyUsage: KeyUsageType): KeyAlgorithms {
  const info = keySpecInfo(keySpec);
  switch (keyUsage) {
    case 'ENCRYPT_DECRYPT':
      return { EncryptionAlgorithms: [...info.encryptionAlgorithms] };
    case 'SIGN_VERIFY':
      return { SigningAlgorithms: [...info.signingAlgorithms] };
    case 'GENERATE_VERIFY_MAC':
      return { MacAlgorithms: [...info.macAlgorithms] };
    case 'KEY_AGREEMENT':
      return { KeyAgreementAlgorithms: [...info.keyAgreementAlgorithms] };
    default:
      return {};
  }
}

/**
 * The error for an algorithm the key spec does not support. AWS:
 * `Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.` (InvalidKeyUsageException;
 * aws-observed.md §9). The same wording is used for signing/encryption algorithms.
 */
export function incompatibleAlgorithm(algorithm: string, keySpec: string): Error {
  return new InvalidKeyUsageException(`Algorithm ${algorithm} is incompatible with key spec ${keySpec}.`);
}

/**
 * Length in bytes of key material a caller may give for this spec (seed files, the
 * `_custom_key_material_` tag): 32 for SYMMETRIC_DEFAULT, the HMAC key length for HMAC specs;
 * undefined for asymmetric specs (given as private keys) and unknown ones.
 */
export function givenMaterialLength(keySpec: string): number | undefined {
  const info = Object.prototype.hasOwnProperty.call(KEY_SPECS, keySpec) ? KEY_SPECS[keySpec as KeySpec] : undefined;
  return info?.family === 'symmetric' ? 32 : info?.hmacKeyLength;
}

/** AWS's refusal of a key spec this server (or this Region) does not serve: `KeySpec SM2 is not supported in this Region`. */
export const notInRegionMessage = (what: 'KeySpec' | 'KeyPairSpec' | 'WrappingKeySpec', spec: string): string =>
  `${what} ${spec} is not supported in this Region`;

/** The hash length of each RSAES-OAEP algorithm (SHA-x for the hash and in MGF1; ./asymmetric-encrypt.ts). */
const OAEP_HASH_BYTES: Partial<Record<EncryptionAlgorithmSpec, number>> = { RSAES_OAEP_SHA_1: 20, RSAES_OAEP_SHA_256: 32 };

/**
 * Largest plaintext (bytes) `algorithm` can encrypt under an RSA key of `keySpec`: k − 2·hLen − 2
 * for a k-byte modulus (214/190 for RSA_2048 with SHA-1/SHA-256, 342/318 RSA_3072, 470/446 RSA_4096).
 * @throws InvalidKeyUsageException if the key spec does not support the algorithm.
 */
export function maxRsaPlaintextLength(keySpec: KeySpec, algorithm: EncryptionAlgorithmSpec): number {
  const info = keySpecInfo(keySpec);
  const hashBytes = OAEP_HASH_BYTES[algorithm];
  if (info.family !== 'rsa' || hashBytes === undefined || !info.encryptionAlgorithms.includes(algorithm)) throw incompatibleAlgorithm(algorithm, keySpec);
  return info.rsaModulusBits! / 8 - 2 * hashBytes - 2;
}

/** AWS's refusal of an RSA plaintext over the limit (aws-observed.md V5). */
export const rsaPlaintextTooLongMessage = (algorithm: string, keySpec: string, max: number): string =>
  `Algorithm ${algorithm} and key spec ${keySpec} cannot encrypt data larger than ${max} bytes.`;
