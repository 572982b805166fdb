/**
 * Encrypt/Decrypt with RSA KMS keys: RSAES_OAEP_SHA_1 and RSAES_OAEP_SHA_256, "using SHA-x for
 * both the hash and in the MGF1 mask generation function along with an empty label" (Key spec
 * reference, https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html).
 *
 * The ciphertext is the bare RSAES-OAEP output — k bytes for a k-byte modulus, no header, no
 * key id — which is why Decrypt needs `KeyId` and `EncryptionAlgorithm` for asymmetric
 * ciphertext (DecryptRequest `KeyId` / `EncryptionAlgorithm` documentation in the model).
 * OpenSSL (`pkeyutl -decrypt -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256`) and
 * Node's `privateDecrypt` read it directly (tested).
 *
 * Maximum plaintext = k − 2·hLen − 2 bytes: 214/190 (RSA_2048, SHA-1/SHA-256), 342/318
 * (RSA_3072), 470/446 (RSA_4096). Over it, AWS answers ValidationException
 * `Algorithm RSAES_OAEP_SHA_1 and key spec RSA_2048 cannot encrypt data larger than 214 bytes.`
 * (aws-observed.md V5).
 *
 * @module
 */

import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';
import { InvalidCiphertextException, KMSInternalException, ValidationException } from '../errors.js';
import type { EncryptionAlgorithmSpec, KeySpec } from '../../common/model/schemas.js';
import { asymmetricSpec, loadPrivateKey, loadPublicKey, type PrivateKeyInput, type PublicKeyInput } from './asymmetric-keys.js';
import { INVALID_CIPHERTEXT_MESSAGE } from './blob.js';
import { incompatibleAlgorithm, rsaPlaintextTooLongMessage } from './key-specs.js';

const OAEP_HASH: Partial<Record<EncryptionAlgorithmSpec, { hash: 'sha1' | 'sha256'; length: number }>> = {
  RSAES_OAEP_SHA_1: { hash: 'sha1', length: 20 },
  RSAES_OAEP_SHA_256: { hash: 'sha256', length: 32 },
};

function oaepFor(keySpec: KeySpec, algorithm: EncryptionAlgorithmSpec): { hash: 'sha1' | 'sha256'; length: number; modulusBytes: number } {
  const info = asymmetricSpec(keySpec);
  const oaep = OAEP_HASH[algorithm];
  if (info.family !== 'rsa' || !oaep || !info.encryptionAlgorithms.includes(algorithm)) throw incompatibleAlgorithm(algorithm, keySpec);
  return { ...oaep, modulusBytes: info.rsaModulusBits! / 8 };
}

// The plaintext limit is a fact of the key spec (./key-specs.ts), checked before this module loads.
export { maxRsaPlaintextLength, rsaPlaintextTooLongMessage } from './key-specs.js';

export interface RsaEncryptInput {
  readonly keySpec: KeySpec;
  /** The key's public key (SPKI DER or KeyObject); a private KeyObject works too. */
  readonly publicKey: PublicKeyInput;
  readonly algorithm: EncryptionAlgorithmSpec;
  readonly plaintext: Uint8Array;
}

/**
 * RSAES-OAEP encryption; returns the raw ciphertext (modulus length).
 * @throws InvalidKeyUsageException for an algorithm the key spec does not support.
 * @throws ValidationException with AWS's message if the plaintext is too long.
 */
export function rsaEncrypt(input: RsaEncryptInput): Buffer {
  const { keySpec, algorithm, plaintext } = input;
  const { hash, length, modulusBytes } = oaepFor(keySpec, algorithm);
  const max = modulusBytes - 2 * length - 2;
  if (plaintext.length > max) {
    throw new ValidationException(rsaPlaintextTooLongMessage(algorithm, keySpec, max));
  }
  const key = loadPublicKey(input.publicKey);
  if (key.asymmetricKeyDetails?.modulusLength !== modulusBytes * 8) throw new KMSInternalException('key does not match its key spec');
  try {
    return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, plaintext);
  } catch {
    throw new KMSInternalException('encryption failed');
  }
}

export interface RsaDecryptInput {
  readonly keySpec: KeySpec;
  readonly privateKey: PrivateKeyInput;
  readonly algorithm: EncryptionAlgorithmSpec;
  readonly ciphertext: Uint8Array;
}

/**
 * RSAES-OAEP decryption. Returns a new Buffer with the plaintext.
 * @throws InvalidKeyUsageException for an algorithm the key spec does not support.
 * @throws InvalidCiphertextException (no message, as AWS) if the ciphertext has the wrong
 *   length or does not decrypt — including when it was encrypted with the other OAEP hash.
 */
export function rsaDecrypt(input: RsaDecryptInput): Buffer {
  const { keySpec, algorithm, ciphertext } = input;
  const { hash, modulusBytes } = oaepFor(keySpec, algorithm);
  const key = loadPrivateKey(input.privateKey);
  if (key.asymmetricKeyDetails?.modulusLength !== modulusBytes * 8) throw new KMSInternalException('key does not match its key spec');
  if (!(ciphertext instanceof Uint8Array) || ciphertext.length !== modulusBytes) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  try {
    return privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, ciphertext);
  } catch {
    throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  }
}
