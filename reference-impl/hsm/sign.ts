/**
 * Sign / Verify with asymmetric KMS keys: algorithm and message-type checks as KMS makes them,
 * then the signature scheme.
 *
 * | algorithm                      | RAW                              | DIGEST (message is the digest)     |
 * |--------------------------------|----------------------------------|------------------------------------|
 * | RSASSA_PKCS1_V1_5_SHA_*        | crypto.sign(hash)                | rsa-digest.ts (DigestInfo + raw RSA)|
 * | RSASSA_PSS_SHA_* (salt = hLen) | crypto.sign(hash, PSS, DIGEST)   | rsa-digest.ts (EMSA-PSS + raw RSA) |
 * | ECDSA_SHA_* (DER signatures)   | crypto.sign(hash, der)           | ecdsa-digest.ts                    |
 * | ED25519_SHA_512                | crypto.sign(null) — RAW only     | refused                            |
 * | ED25519_PH_SHA_512             | refused                          | ed25519ph.ts — DIGEST only         |
 * | ML_DSA_SHAKE_256, SM2DSA       | not implemented (key specs refused, see asymmetric-keys.ts)          |
 *
 * Errors (AWS sources):
 * - algorithm the key spec does not support → InvalidKeyUsageException
 *   `Algorithm ECDSA_SHA_512 is incompatible with key spec ECC_NIST_P256.` (wording of
 *   aws-observed.md §9 for MACs, used for signing algorithms too);
 * - DIGEST of the wrong length → ValidationException
 *   `Digest is invalid length for algorithm RSASSA_PSS_SHA_256.` (aws-observed.md V13,
 *   LS-SNAP `test_sign_verify` bad-digest; the same text in awslabs/aws-sdk-rust#571);
 * - Ed25519 message type mismatch → ValidationException
 *   `Message type DIGEST is incompatible with algorithm ED25519_SHA_512.` (the rule is in the
 *   model's MessageType doc; the wording is an emulator's claim of real-KMS output — INFERRED);
 * - EXTERNAL_MU is for ML-DSA only; for other algorithms the same wording (INFERRED);
 * - a signature that does not verify → KMSInvalidSignatureException, no message (§9).
 *
 * @module
 */

import { constants, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { KMSInternalException, KMSInvalidSignatureException, ValidationException } from '../errors.js';
import type { KeySpec, MessageType, SigningAlgorithmSpec } from '../../common/model/schemas.js';
import { asymmetricSpec, loadPrivateKey, loadPublicKey, type PrivateKeyInput, type PublicKeyInput } from './asymmetric-keys.js';
import { ecdsaSignDigest, ecdsaVerifyDigest } from './ecdsa-digest.js';
import { ed25519phSign, ed25519phVerify } from './ed25519ph.js';
import { incompatibleAlgorithm } from './key-specs.js';
import { DIGEST_LENGTH, pkcs1SignDigest, pkcs1VerifyDigest, pssSignDigest, pssVerifyDigest, type DigestName } from './rsa-digest.js';

type Scheme = 'pkcs1' | 'pss' | 'ecdsa' | 'ed25519' | 'ed25519ph' | 'unsupported';

interface SchemeInfo {
  readonly scheme: Scheme;
  /** Hash of the RAW path and length of a DIGEST message. */
  readonly hash?: DigestName;
  /** The only message type the algorithm accepts, if it is restricted. */
  readonly onlyMessageType?: MessageType;
}

const SCHEMES: Readonly<Record<SigningAlgorithmSpec, SchemeInfo>> = {
  RSASSA_PKCS1_V1_5_SHA_256: { scheme: 'pkcs1', hash: 'sha256' },
  RSASSA_PKCS1_V1_5_SHA_384: { scheme: 'pkcs1', hash: 'sha384' },
  RSASSA_PKCS1_V1_5_SHA_512: { scheme: 'pkcs1', hash: 'sha512' },
  RSASSA_PSS_SHA_256: { scheme: 'pss', hash: 'sha256' },
  RSASSA_PSS_SHA_384: { scheme: 'pss', hash: 'sha384' },
  RSASSA_PSS_SHA_512: { scheme: 'pss', hash: 'sha512' },
  ECDSA_SHA_256: { scheme: 'ecdsa', hash: 'sha256' },
  ECDSA_SHA_384: { scheme: 'ecdsa', hash: 'sha384' },
  ECDSA_SHA_512: { scheme: 'ecdsa', hash: 'sha512' },
  ED25519_SHA_512: { scheme: 'ed25519', onlyMessageType: 'RAW' },
  ED25519_PH_SHA_512: { scheme: 'ed25519ph', hash: 'sha512', onlyMessageType: 'DIGEST' },
  ML_DSA_SHAKE_256: { scheme: 'unsupported' },
  SM2DSA: { scheme: 'unsupported' },
};

/** Length a DIGEST message must have for `algorithm` (undefined: the algorithm takes no DIGEST). */
export function digestLengthFor(algorithm: SigningAlgorithmSpec): number | undefined {
  const { hash, onlyMessageType } = SCHEMES[algorithm] ?? {};
  return hash && onlyMessageType !== 'RAW' ? DIGEST_LENGTH[hash] : undefined;
}

export const invalidDigestLengthMessage = (algorithm: string): string => `Digest is invalid length for algorithm ${algorithm}.`;

export const incompatibleMessageTypeMessage = (messageType: string, algorithm: string): string =>
  `Message type ${messageType} is incompatible with algorithm ${algorithm}.`;

/** Checks algorithm × key spec × message type; returns the scheme to run. */
function check(keySpec: KeySpec, algorithm: SigningAlgorithmSpec, messageType: MessageType, message: Uint8Array): SchemeInfo {
  const info = asymmetricSpec(keySpec);
  const scheme = SCHEMES[algorithm];
  if (!scheme || !info.signingAlgorithms.includes(algorithm)) throw incompatibleAlgorithm(algorithm, keySpec);
  if (scheme.scheme === 'unsupported') throw new KMSInternalException('signing algorithm not implemented');
  if (messageType !== 'RAW' && messageType !== 'DIGEST') throw new ValidationException(incompatibleMessageTypeMessage(messageType, algorithm));
  if (scheme.onlyMessageType && scheme.onlyMessageType !== messageType) {
    throw new ValidationException(incompatibleMessageTypeMessage(messageType, algorithm));
  }
  if (!(message instanceof Uint8Array)) throw new KMSInternalException('message must be bytes');
  if (messageType === 'DIGEST' && message.length !== DIGEST_LENGTH[scheme.hash!]) throw new ValidationException(invalidDigestLengthMessage(algorithm));
  return scheme;
}

const PSS_OPTIONS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } as const;

export interface SignInput {
  readonly keySpec: KeySpec;
  readonly privateKey: PrivateKeyInput;
  readonly algorithm: SigningAlgorithmSpec;
  /** RAW (default): the message is hashed. DIGEST: the message is the digest. */
  readonly messageType?: MessageType;
  readonly message: Uint8Array;
}

/**
 * The Sign operation's cryptography. RSA signatures are modulus-length bytes, ECDSA DER,
 * Ed25519 64 bytes.
 * @throws InvalidKeyUsageException, ValidationException as described in the module doc.
 */
export function signMessage(input: SignInput): Buffer {
  const { keySpec, algorithm, message } = input;
  const messageType = input.messageType ?? 'RAW';
  const { scheme, hash } = check(keySpec, algorithm, messageType, message);
  const key = loadPrivateKey(input.privateKey);
  const digest = messageType === 'DIGEST';
  try {
    switch (scheme) {
      case 'pkcs1':
        return digest ? pkcs1SignDigest(key, hash!, message) : nodeSign(hash!, message, key);
      case 'pss':
        return digest ? pssSignDigest(key, hash!, message) : nodeSign(hash!, message, { key, ...PSS_OPTIONS });
      case 'ecdsa':
        return digest ? ecdsaSignDigest(key, message) : nodeSign(hash!, message, { key, dsaEncoding: 'der' });
      case 'ed25519':
        return nodeSign(null, message, key);
      case 'ed25519ph':
        return ed25519phSign(key, message);
      default:
        throw new Error('unreachable');
    }
  } catch {
    throw new KMSInternalException('signing failed');
  }
}

export interface VerifyInput {
  readonly keySpec: KeySpec;
  /** The key's public key (SPKI DER or KeyObject); a private KeyObject works too. */
  readonly publicKey: PublicKeyInput;
  readonly algorithm: SigningAlgorithmSpec;
  readonly messageType?: MessageType;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

/**
 * Whether the signature verifies. Malformed signatures are simply invalid (false).
 * @throws InvalidKeyUsageException, ValidationException for bad requests, as {@link signMessage}.
 */
export function verifySignature(input: VerifyInput): boolean {
  const { keySpec, algorithm, message, signature } = input;
  const messageType = input.messageType ?? 'RAW';
  const { scheme, hash } = check(keySpec, algorithm, messageType, message);
  if (!(signature instanceof Uint8Array)) return false;
  const key: KeyObject = loadPublicKey(input.publicKey);
  const digest = messageType === 'DIGEST';
  try {
    switch (scheme) {
      case 'pkcs1':
        return digest ? pkcs1VerifyDigest(key, hash!, message, signature) : nodeVerify(hash!, message, key, signature);
      case 'pss':
        return digest ? pssVerifyDigest(key, hash!, message, signature) : nodeVerify(hash!, message, { key, ...PSS_OPTIONS }, signature);
      case 'ecdsa':
        return digest ? ecdsaVerifyDigest(key, message, signature) : nodeVerify(hash!, message, { key, dsaEncoding: 'der' }, signature);
      case 'ed25519':
        return nodeVerify(null, message, key, signature);
      case 'ed25519ph':
        return ed25519phVerify(key, message, signature);
      default:
        return false;
    }
  } catch {
    return false; // OpenSSL rejects some malformed signatures by throwing
  }
}

/**
 * The Verify operation: returns if the signature is valid.
 * @throws KMSInvalidSignatureException (no message, as AWS) if it is not.
 */
export function verifyMessage(input: VerifyInput): void {
  if (!verifySignature(input)) throw new KMSInvalidSignatureException('');
}
