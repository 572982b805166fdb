/**
 * HMAC KMS keys: key generation, GenerateMac / VerifyMac, and the length rule for imported
 * HMAC key material.
 *
 * AWS:
 * - HMAC_224/256/384/512 keys pair with exactly one algorithm each, HMAC_SHA_224/256/384/512
 *   (Key spec reference); another algorithm → InvalidKeyUsageException
 *   `Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.` (aws-observed.md §9).
 * - A MAC that does not verify → KMSInvalidMacException with no message (§9).
 * - Generated keys are as long as the spec says (224/256/384/512 bits: 28/32/48/64 bytes; the
 *   same lengths AWS's import guide generates: `openssl rand -out HMAC_224_PlaintextKey.bin 28`).
 * - Imported material: "The key length must be at least the same length specified by the key
 *   spec. The maximum key length is 1024-bits." (HMAC_224: 224–1024 bits, …, HMAC_512:
 *   512–1024 bits; "Requirements for imported key material",
 *   https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html).
 *   AWS's "Encrypt the key material" page says instead that the length "must match" the key
 *   spec; the requirements page with explicit ranges is followed here.
 *
 * @module
 */

import { createHmac, KeyObject, randomFillSync, timingSafeEqual } from 'node:crypto';
import { IncorrectKeyMaterialException, KMSInternalException, KMSInvalidMacException } from '../errors.js';
import type { KeySpec, MacAlgorithmSpec } from '../../common/model/schemas.js';
import { incompatibleAlgorithm, keySpecInfo } from './key-specs.js';

const MAC_HASH: Readonly<Record<MacAlgorithmSpec, 'sha224' | 'sha256' | 'sha384' | 'sha512'>> = {
  HMAC_SHA_224: 'sha224',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Longest imported HMAC key: 1024 bits. */
export const MAX_HMAC_KEY_LENGTH = 128;

/** An HMAC key: its bytes, or a secret KeyObject holding them. */
export type HmacKey = Buffer | KeyObject;

function hmacLength(keySpec: KeySpec): number {
  const info = keySpecInfo(keySpec);
  if (info.family !== 'hmac') throw new KMSInternalException('not an HMAC key spec');
  return info.hmacKeyLength!;
}

/** A fresh HMAC key of the spec's length (not from Node's shared Buffer pool). */
export function generateHmacKey(keySpec: KeySpec): Buffer {
  return randomFillSync(Buffer.allocUnsafeSlow(hmacLength(keySpec)));
}

/** Message of the IncorrectKeyMaterialException for imported HMAC material (wording ours). */
export const hmacLengthMessage = (keySpec: KeySpec): string =>
  `HMAC key material for key spec ${keySpec} must be ${hmacLength(keySpec)} to ${MAX_HMAC_KEY_LENGTH} bytes long.`;

/** Checks the length of imported HMAC key material. @throws IncorrectKeyMaterialException */
export function checkHmacKeyMaterial(keySpec: KeySpec, material: Uint8Array): void {
  const min = hmacLength(keySpec);
  if (!(material instanceof Uint8Array) || material.length < min || material.length > MAX_HMAC_KEY_LENGTH) {
    throw new IncorrectKeyMaterialException(hmacLengthMessage(keySpec));
  }
}

function checkKey(key: HmacKey): HmacKey {
  const len = key instanceof KeyObject ? (key.type === 'secret' ? key.symmetricKeySize : undefined) : Buffer.isBuffer(key) ? key.length : undefined;
  if (len === undefined || len === 0 || len > MAX_HMAC_KEY_LENGTH) throw new KMSInternalException('not an HMAC key');
  return key;
}

export interface MacInput {
  readonly keySpec: KeySpec;
  readonly key: HmacKey;
  readonly algorithm: MacAlgorithmSpec;
  readonly message: Uint8Array;
}

/**
 * GenerateMac: the HMAC tag (28/32/48/64 bytes).
 * @throws InvalidKeyUsageException if `algorithm` is not the spec's algorithm.
 */
export function generateMac(input: MacInput): Buffer {
  const { keySpec, algorithm, message } = input;
  const info = keySpecInfo(keySpec);
  if (info.family !== 'hmac' || !info.macAlgorithms.includes(algorithm)) throw incompatibleAlgorithm(algorithm, keySpec);
  if (!(message instanceof Uint8Array)) throw new KMSInternalException('message must be bytes');
  return createHmac(MAC_HASH[algorithm], checkKey(input.key)).update(message).digest();
}

/** Whether `mac` is the HMAC of the message (constant-time comparison). */
export function macMatches(input: MacInput & { readonly mac: Uint8Array }): boolean {
  const expected = generateMac(input);
  const { mac } = input;
  return mac instanceof Uint8Array && mac.length === expected.length && timingSafeEqual(expected, mac);
}

/**
 * VerifyMac: returns if the MAC verifies.
 * @throws KMSInvalidMacException (no message, as AWS) if it does not.
 */
export function verifyMac(input: MacInput & { readonly mac: Uint8Array }): void {
  if (!macMatches(input)) throw new KMSInvalidMacException('');
}
