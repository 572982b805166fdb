/**
 * The import token of GetParametersForImport / ImportKeyMaterial: an opaque, authenticated
 * and encrypted blob that carries everything ImportKeyMaterial needs, so the server keeps no
 * state between the two calls:
 *
 * - the key ARN it was issued for (authenticated, not stored: it is the AAD, so a token
 *   presented for another key fails authentication);
 * - the wrapping algorithm and wrapping key spec (ImportKeyMaterial has no such parameters);
 * - the wrapping private key (PKCS#8 DER), encrypted;
 * - issue and expiry time on the server's clock (AWS: "Each wrapping public key and import
 *   token set is valid for 24 hours", importing-keys-get-public-key-and-token.html);
 * - a random token id (for callers that want single use).
 *
 * Sealing: AES-256-GCM under a key derived (HKDF-SHA256, label below) from the key the caller
 * passes — the master key — so token sealing never shares a key with backing-key sealing.
 *
 * Format version 1 (the layout of ./sealing.ts): `0x01 ‖ IV (12) ‖ tag (16) ‖ ciphertext`; AAD = bytes 0..13 ‖ label ‖
 * u32 BE len(ARN) ‖ ARN. Plaintext: u64 BE issuedAt ms ‖ u64 BE expiresAt ms ‖ token id (16) ‖
 * u8 len ‖ wrapping algorithm ‖ u8 len ‖ wrapping key spec ‖ wrapping private key DER (rest).
 * An RSA_4096 token is about 2.5 KB (ImportToken is a CiphertextType blob, ≤ 6144 bytes).
 *
 * Errors (model docs of the exceptions): tampered, truncated, foreign or other-key tokens →
 * InvalidImportTokenException ("invalid or is associated with a different KMS key"); past
 * expiry → ExpiredImportTokenException. Messages are ours; no AWS capture.
 *
 * @module
 */

import { randomBytes } from 'node:crypto';
import { ExpiredImportTokenException, InvalidImportTokenException, KMSInternalException } from '../errors.js';
import { deriveSubkey, openAesGcm, SEALED_DATA_OFFSET, sealAesGcm } from './sealing.js';
import type { AlgorithmSpec, WrappingKeySpec } from '../../common/model/schemas.js';

export const IMPORT_TOKEN_FORMAT_V1 = 0x01;
/** Lifetime of a wrapping key + import token set. */
export const IMPORT_TOKEN_VALIDITY_MS = 24 * 60 * 60 * 1000;

const TOKEN_ID_LENGTH = 16;
const LABEL = Buffer.from('kmsbench/hsm/import-token/v1', 'utf8');
const KEY_INFO = Buffer.from('kmsbench/hsm/import-token-key/v1', 'utf8');

export const INVALID_IMPORT_TOKEN_MESSAGE = 'The import token is invalid or belongs to another KMS key.';
export const EXPIRED_IMPORT_TOKEN_MESSAGE = 'The import token has expired. Call GetParametersForImport for a new one.';

export interface ImportTokenContents {
  readonly keyArn: string;
  readonly wrappingAlgorithm: AlgorithmSpec;
  readonly wrappingKeySpec: WrappingKeySpec;
  /** PKCS#8 DER of the wrapping private key. Secret. */
  readonly wrappingPrivateKey: Buffer;
  /** Epoch milliseconds, server clock. */
  readonly issuedAt: number;
  /** Epoch milliseconds, server clock (GetParametersForImport's ParametersValidTo). */
  readonly expiresAt: number;
  /** 32 hex characters, unique per token. */
  readonly tokenId: string;
}

export interface SealImportTokenInput {
  readonly keyArn: string;
  readonly wrappingAlgorithm: AlgorithmSpec;
  readonly wrappingKeySpec: WrappingKeySpec;
  readonly wrappingPrivateKey: Uint8Array;
  /** Server time now, epoch ms. */
  readonly now: number;
  /** Defaults to 24 h. */
  readonly validityMs?: number;
}

function deriveTokenKey(sealingKey: Buffer): Buffer {
  if (!Buffer.isBuffer(sealingKey) || sealingKey.length !== 32) throw new KMSInternalException('token sealing key is not 32 bytes');
  return deriveSubkey(sealingKey, KEY_INFO);
}

/** The AAD after format ‖ IV: label ‖ u32 BE len(ARN) ‖ ARN. */
function aad(keyArn: string): Buffer {
  if (typeof keyArn !== 'string' || keyArn.length === 0) throw new KMSInternalException('import token needs a key ARN');
  const arn = Buffer.from(keyArn, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(arn.length);
  return Buffer.concat([LABEL, len, arn]);
}

const shortString = (s: string): Buffer => {
  const b = Buffer.from(s, 'ascii');
  if (b.length === 0 || b.length > 255) throw new KMSInternalException('bad import token field');
  return Buffer.concat([Buffer.of(b.length), b]);
};

/**
 * Seals an import token.
 * @param sealingKey 32 bytes — pass the master key; a token key is derived from it.
 * @returns the token and its expiry (epoch ms) and id.
 */
export function sealImportToken(sealingKey: Buffer, input: SealImportTokenInput): { token: Buffer; expiresAt: number; tokenId: string } {
  const { keyArn, wrappingAlgorithm, wrappingKeySpec, wrappingPrivateKey, now } = input;
  const validity = input.validityMs ?? IMPORT_TOKEN_VALIDITY_MS;
  if (!Number.isSafeInteger(now) || now < 0 || !Number.isSafeInteger(validity) || validity <= 0) throw new KMSInternalException('bad import token times');
  if (!(wrappingPrivateKey instanceof Uint8Array) || wrappingPrivateKey.length === 0) throw new KMSInternalException('no wrapping key');
  const expiresAt = now + validity;
  const tokenId = randomBytes(TOKEN_ID_LENGTH);
  const times = Buffer.alloc(16);
  times.writeBigUInt64BE(BigInt(now), 0);
  times.writeBigUInt64BE(BigInt(expiresAt), 8);
  const plaintext = Buffer.concat([times, tokenId, shortString(wrappingAlgorithm), shortString(wrappingKeySpec), wrappingPrivateKey]);
  let key: Buffer | undefined;
  try {
    key = deriveTokenKey(sealingKey);
    const token = sealAesGcm(key, IMPORT_TOKEN_FORMAT_V1, plaintext, aad(keyArn));
    return { token, expiresAt, tokenId: tokenId.toString('hex') };
  } finally {
    key?.fill(0);
    plaintext.fill(0);
  }
}

export interface OpenImportTokenInput {
  /** ARN of the key ImportKeyMaterial was called for. */
  readonly keyArn: string;
  /** Server time now, epoch ms. */
  readonly now: number;
}

/**
 * Opens and checks an import token.
 * @throws InvalidImportTokenException if it is malformed, tampered with, sealed under another
 *   key, or issued for another KMS key (checked first).
 * @throws ExpiredImportTokenException if `now` is past its expiry.
 */
export function openImportToken(sealingKey: Buffer, token: Uint8Array, input: OpenImportTokenInput): ImportTokenContents {
  const invalid = (): never => {
    throw new InvalidImportTokenException(INVALID_IMPORT_TOKEN_MESSAGE);
  };
  if (!(token instanceof Uint8Array) || token.length <= SEALED_DATA_OFFSET + 16 + TOKEN_ID_LENGTH + 4 || token[0] !== IMPORT_TOKEN_FORMAT_V1) return invalid();
  const buf = Buffer.from(token.buffer, token.byteOffset, token.byteLength);
  const key = deriveTokenKey(sealingKey);
  let plaintext: Buffer;
  try {
    plaintext = openAesGcm(key, buf, aad(input.keyArn));
  } catch {
    return invalid();
  } finally {
    key.fill(0);
  }
  let o = 32;
  const readString = (): string => {
    const n = plaintext![o++] ?? 0;
    const s = plaintext!.subarray(o, o + n).toString('ascii');
    o += n;
    return s;
  };
  const issuedAt = Number(plaintext.readBigUInt64BE(0));
  const expiresAt = Number(plaintext.readBigUInt64BE(8));
  const tokenId = plaintext.subarray(16, 32).toString('hex');
  const wrappingAlgorithm = readString() as AlgorithmSpec;
  const wrappingKeySpec = readString() as WrappingKeySpec;
  const wrappingPrivateKey = Buffer.from(plaintext.subarray(o));
  plaintext.fill(0);
  if (input.now > expiresAt) throw new ExpiredImportTokenException(EXPIRED_IMPORT_TOKEN_MESSAGE);
  return { keyArn: input.keyArn, wrappingAlgorithm, wrappingKeySpec, wrappingPrivateKey, issuedAt, expiresAt, tokenId };
}
