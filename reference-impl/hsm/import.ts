/**
 * Imported key material (GetParametersForImport / ImportKeyMaterial): RSA wrapping key pairs,
 * unwrapping with each wrapping algorithm, and validating the unwrapped material against the
 * KMS key's spec. The import token is in `import-token.ts`.
 *
 * AWS ("Download the wrapping public key and import token" and "Encrypt the key material",
 * https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-get-public-key-and-token.html,
 * .../importing-keys-encrypt-key-material.html; model docs of GetParametersForImport):
 * - Wrapping key specs RSA_2048/3072/4096; SM2 China Regions only.
 * - RSAES_OAEP_SHA_1 / RSAES_OAEP_SHA_256: the material encrypted directly with RSA-OAEP (MGF1
 *   with the same hash, as `openssl pkeyutl -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256`).
 * - RSA_AES_KEY_WRAP_SHA_1 / _SHA_256: an AES key (AWS's examples: 256-bit) encrypted with
 *   RSA-OAEP, followed by the material wrapped with AES Key Wrap with Padding (RFC 5649,
 *   `openssl enc -id-aes256-wrap-pad -iv A65959A6`): `EncryptedKeyMaterial = RSA part ‖ KWP part`.
 *   128- and 192-bit AES keys are accepted too (CKM_RSA_AES_KEY_WRAP allows them).
 * - RSAES_PKCS1_V1_5: "As of October 10, 2023, KMS does not support" it; SM2PKE: China Regions
 *   only. Both refused with UnsupportedOperationException (code and wording INFERRED).
 * - Which algorithm fits which material: symmetric and HMAC keys — RSAES_OAEP_* only; RSA private
 *   keys — RSA_AES_KEY_WRAP_* only; ECC private keys — all four, except ECC_NIST_P521 with an
 *   RSA_2048 wrapping key and RSAES_OAEP_*.
 * - ImportKeyMaterial when the wrapped material cannot be decrypted → InvalidCiphertextException
 *   (model doc of InvalidCiphertextException); material that does not fit the key spec →
 *   IncorrectKeyMaterialException ("invalid, or does not meet expectations"). Messages: ours.
 * - Material requirements ("Requirements for imported key material"): SYMMETRIC_DEFAULT 32 bytes;
 *   HMAC spec length … 1024 bits (hmac.ts); RSA/ECC private key as BER/DER PKCS#8
 *   (asymmetric-keys.ts); ML-DSA import not supported.
 *
 * @module
 */

import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { IncorrectKeyMaterialException, InvalidCiphertextException, KMSInternalException, UnsupportedOperationException } from '../errors.js';
import type { AlgorithmSpec, KeySpec, WrappingKeySpec } from '../../common/model/schemas.js';
import {
  asymmetricSpec,
  exportKeyPair,
  importPrivateKey,
  loadPrivateKey,
  notInRegionMessage,
  wrongPrivateKeyMessage,
  type AsymmetricKeyPair,
  type PrivateKeyInput,
} from './asymmetric-keys.js';
import { INVALID_CIPHERTEXT_MESSAGE } from './blob.js';
import { checkHmacKeyMaterial } from './hmac.js';
import { keySpecInfo } from './key-specs.js';
import { FRESH_KEY_PAIRS, type KeyPairSource } from './key-pair-source.js';
import { BACKING_KEY_LENGTH } from './symmetric.js';

/** RSA modulus bits of each wrapping key spec this server offers (SM2: China Regions only). */
export const WRAPPING_KEY_BITS: Readonly<Record<WrappingKeySpec, number | undefined>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
  SM2: undefined,
};

interface WrappingAlgorithmInfo {
  readonly oaepHash: 'sha1' | 'sha256';
  readonly aesKeyWrap: boolean;
}

/** Supported wrapping algorithms (undefined: refused). */
const WRAPPING_ALGORITHMS: Readonly<Record<AlgorithmSpec, WrappingAlgorithmInfo | undefined>> = {
  RSAES_OAEP_SHA_1: { oaepHash: 'sha1', aesKeyWrap: false },
  RSAES_OAEP_SHA_256: { oaepHash: 'sha256', aesKeyWrap: false },
  RSA_AES_KEY_WRAP_SHA_1: { oaepHash: 'sha1', aesKeyWrap: true },
  RSA_AES_KEY_WRAP_SHA_256: { oaepHash: 'sha256', aesKeyWrap: true },
  RSAES_PKCS1_V1_5: undefined,
  SM2PKE: undefined,
};

export const unsupportedWrappingAlgorithmMessage = (algorithm: AlgorithmSpec): string =>
  algorithm === 'RSAES_PKCS1_V1_5'
    ? 'KMS does not support the RSAES_PKCS1_V1_5 wrapping algorithm as of October 10, 2023.'
    : `WrappingAlgorithm ${algorithm} is not supported in this Region`;

/**
 * GetParametersForImport's check of the wrapping algorithm and key spec.
 * @throws UnsupportedOperationException for RSAES_PKCS1_V1_5, SM2PKE and the SM2 wrapping key spec.
 * @throws KMSInternalException for values outside the model's enums.
 */
export function checkWrappingParameters(wrappingAlgorithm: AlgorithmSpec, wrappingKeySpec: WrappingKeySpec): void {
  if (!Object.prototype.hasOwnProperty.call(WRAPPING_ALGORITHMS, wrappingAlgorithm)) throw new KMSInternalException('unknown wrapping algorithm');
  if (!Object.prototype.hasOwnProperty.call(WRAPPING_KEY_BITS, wrappingKeySpec)) throw new KMSInternalException('unknown wrapping key spec');
  if (!WRAPPING_ALGORITHMS[wrappingAlgorithm]) throw new UnsupportedOperationException(unsupportedWrappingAlgorithmMessage(wrappingAlgorithm));
  if (!WRAPPING_KEY_BITS[wrappingKeySpec]) throw new UnsupportedOperationException(notInRegionMessage('WrappingKeySpec', wrappingKeySpec));
}

/**
 * Whether AWS's table lets `wrappingAlgorithm` with a `wrappingKeySpec` key carry material of
 * `keySpec`. (Where KMS enforces this — GetParametersForImport or ImportKeyMaterial — is not
 * documented; the caller decides.)
 */
export function wrappingAlgorithmSupports(keySpec: KeySpec, wrappingAlgorithm: AlgorithmSpec, wrappingKeySpec: WrappingKeySpec): boolean {
  const alg = WRAPPING_ALGORITHMS[wrappingAlgorithm];
  if (!alg || !WRAPPING_KEY_BITS[wrappingKeySpec]) return false;
  switch (keySpecInfo(keySpec).family) {
    case 'symmetric':
    case 'hmac':
      return !alg.aesKeyWrap;
    case 'rsa':
      return alg.aesKeyWrap;
    case 'ecc':
    case 'ed25519':
      return alg.aesKeyWrap || !(keySpec === 'ECC_NIST_P521' && wrappingKeySpec === 'RSA_2048');
    default:
      return false; // ML-DSA: import not supported; SM2: China only
  }
}

/** A fresh RSA wrapping key pair (private PKCS#8 DER — goes into the import token; public SPKI DER — GetParametersForImport's PublicKey). */
export function generateWrappingKeyPair(wrappingKeySpec: WrappingKeySpec): AsymmetricKeyPair {
  const bits = Object.prototype.hasOwnProperty.call(WRAPPING_KEY_BITS, wrappingKeySpec) ? WRAPPING_KEY_BITS[wrappingKeySpec] : undefined;
  if (!bits) throw new UnsupportedOperationException(notInRegionMessage('WrappingKeySpec', String(wrappingKeySpec)));
  return exportKeyPair(generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 }).privateKey);
}

/**
 * {@link generateWrappingKeyPair} off the event loop (RSA key generation takes from tens of
 * milliseconds to seconds; Node runs it on its thread pool), for the request path: an RSA pair
 * of the wrapping key spec's size from `source` (the server's; fresh by default).
 */
export function generateWrappingKeyPairAsync(wrappingKeySpec: WrappingKeySpec, source: KeyPairSource = FRESH_KEY_PAIRS): Promise<AsymmetricKeyPair> {
  const bits = Object.prototype.hasOwnProperty.call(WRAPPING_KEY_BITS, wrappingKeySpec) ? WRAPPING_KEY_BITS[wrappingKeySpec] : undefined;
  if (!bits) return Promise.reject(new UnsupportedOperationException(notInRegionMessage('WrappingKeySpec', String(wrappingKeySpec))));
  return source.next(`RSA_${bits}` as KeySpec);
}

/** RFC 5649 §3 alternative initial value, as AWS's example passes it (`-iv A65959A6`). */
const KWP_IV = Buffer.from('a65959a6', 'hex');
const KWP_CIPHER: Readonly<Record<number, string>> = { 16: 'id-aes128-wrap-pad', 24: 'id-aes192-wrap-pad', 32: 'id-aes256-wrap-pad' };

export interface UnwrapInput {
  /** The wrapping private key from the import token. */
  readonly wrappingPrivateKey: PrivateKeyInput;
  readonly wrappingAlgorithm: AlgorithmSpec;
  /** ImportKeyMaterial's EncryptedKeyMaterial. */
  readonly encryptedKeyMaterial: Uint8Array;
}

const invalid = (): never => {
  throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
};

/**
 * Decrypts EncryptedKeyMaterial. Returns a new Buffer with the plaintext material (the
 * caller wipes it after use).
 * @throws InvalidCiphertextException (no message) if it does not decrypt: wrong key, wrong
 *   algorithm, truncated, tampered.
 * @throws UnsupportedOperationException for refused algorithms.
 */
export function unwrapKeyMaterial(input: UnwrapInput): Buffer {
  const alg = WRAPPING_ALGORITHMS[input.wrappingAlgorithm];
  if (!alg) throw new UnsupportedOperationException(unsupportedWrappingAlgorithmMessage(input.wrappingAlgorithm));
  const key = loadPrivateKey(input.wrappingPrivateKey);
  const k = (key.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
  if (key.asymmetricKeyType !== 'rsa' || !k) throw new KMSInternalException('wrapping key is not RSA');
  const data = input.encryptedKeyMaterial;
  if (!(data instanceof Uint8Array) || data.length < k || (!alg.aesKeyWrap && data.length !== k)) return invalid();
  const oaep = { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: alg.oaepHash };
  let first: Buffer;
  try {
    first = privateDecrypt(oaep, data.subarray(0, k));
  } catch {
    return invalid();
  }
  if (!alg.aesKeyWrap) return first;
  const aesKey = first;
  try {
    const cipher = KWP_CIPHER[aesKey.length];
    const wrapped = data.subarray(k);
    if (!cipher || wrapped.length < 16 || wrapped.length % 8 !== 0) return invalid();
    let out: Buffer | undefined;
    try {
      const d = createDecipheriv(cipher, aesKey, KWP_IV);
      out = Buffer.concat([d.update(wrapped), d.final()]);
      return out;
    } catch {
      out?.fill(0);
      return invalid();
    }
  } finally {
    aesKey.fill(0);
  }
}

export const SYMMETRIC_MATERIAL_MESSAGE = 'Imported key material for key spec SYMMETRIC_DEFAULT must be 32 bytes long.';

/**
 * Checks unwrapped material against the KMS key's spec and returns it in stored form: the raw
 * bytes for SYMMETRIC_DEFAULT and HMAC keys, the key pair (PKCS#8 re-encoded in DER, SPKI) for
 * asymmetric keys.
 * @throws IncorrectKeyMaterialException if it does not fit (wrong length; not a DER/BER PKCS#8
 *   key of the spec's type, size or curve; explicit EC parameters; multi-prime RSA).
 * @throws UnsupportedOperationException for ML-DSA and SM2 key specs.
 */
export function validateImportedKeyMaterial(keySpec: KeySpec, material: Uint8Array): Buffer | AsymmetricKeyPair {
  const info = keySpecInfo(keySpec);
  if (!(material instanceof Uint8Array)) throw new KMSInternalException('material must be bytes');
  switch (info.family) {
    case 'symmetric':
      if (material.length !== BACKING_KEY_LENGTH) throw new IncorrectKeyMaterialException(SYMMETRIC_MATERIAL_MESSAGE);
      return Buffer.from(material);
    case 'hmac':
      checkHmacKeyMaterial(keySpec, material);
      return Buffer.from(material);
    default:
      asymmetricSpec(keySpec); // SM2 / ML-DSA refusals
      // DER/BER PKCS#8 only (importPrivateKey would also take PEM text, for seeding).
      if (material[0] !== 0x30) throw new IncorrectKeyMaterialException(wrongPrivateKeyMessage(keySpec));
      return importPrivateKey(material, keySpec);
  }
}
