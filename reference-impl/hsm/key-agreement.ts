/**
 * DeriveSharedSecret: ECDH with a KEY_AGREEMENT key's private key and the peer's public key.
 *
 * AWS (service model, DeriveSharedSecret and its `PublicKey` member): KEY_AGREEMENT keys are
 * NIST-standard ECC (ECC_NIST_P256/P384/P521) or SM2 (China Regions only) — not
 * ECC_SECG_P256K1; the algorithm is `ECDH`, the "Elliptic Curve Cryptography Cofactor
 * Diffie-Hellman Primitive" (NIST SP 800-56A; cofactor 1 on these curves, so it equals plain
 * ECDH); the peer's key is a DER SubjectPublicKeyInfo on the same curve; the result is the raw
 * shared secret (the x-coordinate, field-size bytes) — what `crypto.diffieHellman` computes
 * from the other side.
 *
 * Errors: a PublicKey that is not a DER SPKI → ValidationException with no message (real KMS,
 * aws-observed.md V15). A well-formed key of another curve or type: no AWS capture; answered
 * the same way (INFERRED). OpenSSL rejects points that are not on the curve when parsing.
 *
 * @module
 */

import { createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import { KMSInternalException, ValidationException } from '../errors.js';
import type { KeyAgreementAlgorithmSpec, KeySpec } from '../../common/model/schemas.js';
import { asymmetricSpec, loadPrivateKey, type PrivateKeyInput } from './asymmetric-keys.js';
import { incompatibleAlgorithm } from './key-specs.js';

export interface DeriveSharedSecretInput {
  readonly keySpec: KeySpec;
  readonly privateKey: PrivateKeyInput;
  readonly algorithm: KeyAgreementAlgorithmSpec;
  /** The peer's public key, DER SubjectPublicKeyInfo, as sent by the client. */
  readonly peerPublicKey: Uint8Array;
}

/** Parses the peer's SPKI and checks its curve; ValidationException (no message) otherwise. */
export function parsePeerPublicKey(spki: Uint8Array, curve: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength), format: 'der', type: 'spki' });
  } catch {
    throw new ValidationException('');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== curve) throw new ValidationException('');
  return key;
}

/**
 * The raw ECDH shared secret (32, 48 or 66 bytes for P-256, P-384, P-521).
 * @throws InvalidKeyUsageException if the key spec does not do `algorithm` (e.g. secp256k1).
 * @throws ValidationException (no message) for a malformed or foreign-curve peer key.
 */
export function deriveSharedSecret(input: DeriveSharedSecretInput): Buffer {
  const { keySpec, algorithm } = input;
  const info = asymmetricSpec(keySpec);
  if (!info.keyAgreementAlgorithms.includes(algorithm) || info.family !== 'ecc') throw incompatibleAlgorithm(algorithm, keySpec);
  if (!(input.peerPublicKey instanceof Uint8Array)) throw new ValidationException('');
  const publicKey = parsePeerPublicKey(input.peerPublicKey, info.curve!);
  const privateKey = loadPrivateKey(input.privateKey);
  if (privateKey.asymmetricKeyDetails?.namedCurve !== info.curve) throw new KMSInternalException('key does not match its key spec');
  try {
    return diffieHellman({ privateKey, publicKey });
  } catch {
    throw new KMSInternalException('key agreement failed');
  }
}
