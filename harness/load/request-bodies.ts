/**
 * The AWS JSON 1.1 request bodies of KMS operations, one table for every client that sends
 * them: the load generator (operations.ts), the capacity planner's replay (harness/plan/replay.ts)
 * and the k6 exporter (harness/k6/script.ts). The table is generic over what a value is: real
 * values for the first two, JavaScript source text for k6, which renders the same table into its
 * script. Also here: the algorithms and key usage a KeySpec implies.
 *
 * @module
 */

/** Largest plaintext KMS Encrypt accepts. */
export const MAX_ENCRYPT_PLAINTEXT = 4096;

/**
 * The values a body is made of: `V` is a value (a string, a number, an object) or, for the k6
 * exporter, the JavaScript expression that yields one.
 */
export interface BodyValues<V> {
  /** The key the request names. */
  keyId: V;
  /** ReEncrypt's destination key (default: `keyId`). */
  destinationKeyId?: V;
  /** `bytes` bytes of plaintext, base64. */
  plaintext(bytes: number): V;
  /** The message Sign, Verify, GenerateMac and VerifyMac take, base64. */
  message?: V;
  /** A ciphertext under the key (Decrypt, ReEncrypt). */
  ciphertext?: V;
  /** A signature of `message` (Verify). */
  signature?: V;
  /** A MAC of `message` (VerifyMac). */
  mac?: V;
  /** A constant. */
  literal(value: string | number | Readonly<Record<string, string>>): V;
}

/** What the request asks for, beyond its values. */
export interface BodyParams {
  /** KeySpec of the key (default SYMMETRIC_DEFAULT): picks the encryption, signing and MAC algorithm. */
  keySpec?: string;
  /** Encrypt: plaintext size (default 1024, at most 4096). */
  plaintextBytes?: number;
  /** GenerateRandom (default 32), or GenerateDataKey* instead of `dataKeySpec`. */
  numberOfBytes?: number;
  /** GenerateDataKey*: the data key's spec (default AES_256). */
  dataKeySpec?: string;
  /** GenerateDataKeyPair*: the pair's spec (default ECC_NIST_P256). */
  keyPairSpec?: string;
  encryptionContext?: Readonly<Record<string, string>>;
  /** ListKeys, ListAliases: page size (default: the service's). */
  limit?: number;
}

export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError';
}

export function signingAlgorithm(keySpec: string): string {
  if (keySpec.startsWith('RSA_')) return 'RSASSA_PSS_SHA_256';
  if (keySpec === 'ECC_NIST_P384') return 'ECDSA_SHA_384';
  if (keySpec === 'ECC_NIST_P521') return 'ECDSA_SHA_512';
  if (keySpec === 'SM2') return 'SM2DSA';
  if (keySpec.startsWith('ML_DSA_')) return 'ML_DSA_SHAKE_256';
  if (keySpec === 'ECC_NIST_EDWARDS25519') return 'ED25519_SHA_512';
  return 'ECDSA_SHA_256';
}

/** `HMAC_256` → `HMAC_SHA_256`. */
export const macAlgorithm = (keySpec: string): string => `HMAC_SHA_${keySpec.slice('HMAC_'.length)}`;

/** The encryption algorithm an asymmetric key needs (none for symmetric keys). */
export function encryptionAlgorithm(keySpec: string): string | undefined {
  if (keySpec.startsWith('RSA_')) return 'RSAES_OAEP_SHA_256';
  if (keySpec === 'SM2') return 'SM2PKE';
  return undefined;
}

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';

/** The KeyUsage to create a key of `keySpec` with, for requests of the operations `ops`. */
export function keyUsageFor(keySpec: string, ops: ReadonlySet<string>): KeyUsage {
  if (keySpec.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC';
  if (keySpec === 'SYMMETRIC_DEFAULT') return 'ENCRYPT_DECRYPT';
  if (ops.has('Sign') || ops.has('Verify') || keySpec.startsWith('ML_DSA_') || keySpec === 'ECC_NIST_EDWARDS25519') return 'SIGN_VERIFY';
  return keySpec.startsWith('ECC_') ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT';
}

function need<V>(value: V | undefined, what: string, operation: string): V {
  if (value === undefined) throw new RequestBodyError(`${operation} needs ${what}`);
  return value;
}

/**
 * The body of `operation`. Operations the table does not list take the key alone (`DescribeKey`,
 * `GetPublicKey`, `GetKeyRotationStatus`, …).
 */
export function requestBody<V>(operation: string, p: BodyParams, v: BodyValues<V>): Record<string, V> {
  const keySpec = p.keySpec ?? 'SYMMETRIC_DEFAULT';
  const context: Record<string, V> = p.encryptionContext ? { EncryptionContext: v.literal(p.encryptionContext) } : {};
  const algorithm = encryptionAlgorithm(keySpec);
  const encryption: Record<string, V> = algorithm ? { EncryptionAlgorithm: v.literal(algorithm) } : {};
  const signing = () => ({ KeyId: v.keyId, Message: need(v.message, 'a message', operation), MessageType: v.literal('RAW'), SigningAlgorithm: v.literal(signingAlgorithm(keySpec)) });
  const macing = () => ({ KeyId: v.keyId, Message: need(v.message, 'a message', operation), MacAlgorithm: v.literal(macAlgorithm(keySpec)) });
  switch (operation) {
    case 'Encrypt':
      return { KeyId: v.keyId, Plaintext: v.plaintext(Math.min(MAX_ENCRYPT_PLAINTEXT, p.plaintextBytes ?? 1024)), ...encryption, ...context };
    case 'Decrypt':
      return { KeyId: v.keyId, CiphertextBlob: need(v.ciphertext, 'a ciphertext', operation), ...encryption, ...context };
    case 'ReEncrypt':
      return {
        CiphertextBlob: need(v.ciphertext, 'a ciphertext', operation),
        DestinationKeyId: v.destinationKeyId ?? v.keyId,
        ...(p.encryptionContext ? { SourceEncryptionContext: v.literal(p.encryptionContext), DestinationEncryptionContext: v.literal(p.encryptionContext) } : {}),
      };
    case 'GenerateDataKey':
    case 'GenerateDataKeyWithoutPlaintext':
      return { KeyId: v.keyId, ...(p.numberOfBytes !== undefined ? { NumberOfBytes: v.literal(p.numberOfBytes) } : { KeySpec: v.literal(p.dataKeySpec ?? 'AES_256') }), ...context };
    case 'GenerateDataKeyPair':
    case 'GenerateDataKeyPairWithoutPlaintext':
      return { KeyId: v.keyId, KeyPairSpec: v.literal(p.keyPairSpec ?? 'ECC_NIST_P256'), ...context };
    case 'Sign':
      return signing();
    case 'Verify':
      return { ...signing(), Signature: need(v.signature, 'a signature', operation) };
    case 'GenerateMac':
      return macing();
    case 'VerifyMac':
      return { ...macing(), Mac: need(v.mac, 'a MAC', operation) };
    case 'GenerateRandom':
      return { NumberOfBytes: v.literal(p.numberOfBytes ?? 32) };
    case 'ListKeys':
    case 'ListAliases':
      return p.limit !== undefined ? { Limit: v.literal(p.limit) } : {};
    case 'GetKeyPolicy':
      return { KeyId: v.keyId, PolicyName: v.literal('default') };
    default:
      return { KeyId: v.keyId };
  }
}

/** Body values that are values (not source text): constants as they are. */
export const valuesOf = (v: Omit<BodyValues<unknown>, 'literal'>): BodyValues<unknown> => ({ ...v, literal: (x) => x });
