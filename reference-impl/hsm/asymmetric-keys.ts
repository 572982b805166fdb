/**
 * Asymmetric key material: generation per KeySpec, the stored forms (private key as PKCS#8
 * DER — what gets sealed; public key as DER SubjectPublicKeyInfo — what GetPublicKey returns),
 * loading them back as KeyObjects, and importing a PEM/DER private key with a check that it is
 * the key the spec describes.
 *
 * Import rules follow "Requirements for imported key material"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html#importing-keys-material-requirements):
 * RSA with a 2048/3072/4096-bit modulus and two primes ("multi-prime RSA keys are not
 * supported"); ECC on the spec's named curve ("ECC keys with explicit parameters are
 * rejected"); PKCS#8. Importing ML-DSA keys is not supported by AWS either.
 *
 * Refusals: SM2 (China Regions only; `KeySpec SM2 is not supported in this Region`, real-KMS
 * text reported in floci-io/floci#3026) and ML-DSA (Node 20 / OpenSSL 3.0 have no ML-DSA)
 * answer UnsupportedOperationException.
 *
 * @module
 */

import { createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, KeyObject } from 'node:crypto';
import { IncorrectKeyMaterialException, KMSInternalException, UnsupportedOperationException } from '../errors.js';
import type { KeySpec } from '../../common/model/schemas.js';
import { isAsymmetric, KEY_SPECS, keySpecInfo, notInRegionMessage, type KeySpecInfo } from './key-specs.js';

/** A key pair in its stored forms. */
export interface AsymmetricKeyPair {
  /** PKCS#8 PrivateKeyInfo, DER. Secret: seal it, never log it. */
  readonly privateKey: Buffer;
  /** SubjectPublicKeyInfo (X.509), DER, as GetPublicKey returns it. */
  readonly publicKey: Buffer;
}

/** A private key as stored (PKCS#8 DER) or already loaded. */
export type PrivateKeyInput = Uint8Array | KeyObject;
/** A public key as stored (SPKI DER) or already loaded. */
export type PublicKeyInput = Uint8Array | KeyObject;

export { notInRegionMessage } from './key-specs.js';

/**
 * The spec's entry if this HSM can make key pairs of it.
 * @throws UnsupportedOperationException for SM2 (China Regions only) and ML-DSA (not implemented).
 * @throws KMSInternalException for a symmetric or HMAC spec (a caller bug).
 */
export function asymmetricSpec(keySpec: KeySpec): KeySpecInfo {
  const info = keySpecInfo(keySpec);
  if (!isAsymmetric(info)) throw new KMSInternalException('not an asymmetric key spec');
  if (info.chinaRegionsOnly) throw new UnsupportedOperationException(notInRegionMessage('KeySpec', keySpec));
  if (!info.implemented) throw new UnsupportedOperationException(`KeySpec ${keySpec} is not supported by this KMS implementation`);
  return info;
}

function generateKeyObjects(info: KeySpecInfo): { privateKey: KeyObject; publicKey: KeyObject } {
  switch (info.family) {
    case 'rsa':
      return generateKeyPairSync('rsa', { modulusLength: info.rsaModulusBits!, publicExponent: 0x10001 });
    case 'ecc':
      return generateKeyPairSync('ec', { namedCurve: info.curve! });
    case 'ed25519':
      return generateKeyPairSync('ed25519');
    default:
      throw new KMSInternalException('no key generator for this key spec');
  }
}

/** Exports a loaded key pair to its stored forms. */
export function exportKeyPair(privateKey: KeyObject): AsymmetricKeyPair {
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'der' }),
  };
}

/** A fresh key pair for an asymmetric KMS key. */
export function generateAsymmetricKeyPair(keySpec: KeySpec): AsymmetricKeyPair {
  return exportKeyPair(generateKeyObjects(asymmetricSpec(keySpec)).privateKey);
}

/**
 * {@link generateAsymmetricKeyPair} for a slow spec: RSA keys are made on libuv's thread pool, so
 * the event loop stays free while a prime is searched for (an RSA_4096 key takes seconds of
 * CPU). ECC and Ed25519 keys take well under a millisecond: made inline, never queued behind
 * RSA work on the pool.
 */
export function generateAsymmetricKeyPairAsync(keySpec: KeySpec): Promise<AsymmetricKeyPair> {
  let info: KeySpecInfo;
  try {
    info = asymmetricSpec(keySpec);
    if (info.family !== 'rsa') return Promise.resolve(generateAsymmetricKeyPair(keySpec));
  } catch (e) {
    return Promise.reject(e);
  }
  const der = { publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } } as const;
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, publicKey: Buffer, privateKey: Buffer) =>
      err ? reject(new KMSInternalException('key generation failed', { cause: err })) : resolve({ privateKey, publicKey });
    switch (info.family) {
      case 'rsa':
        return generateKeyPair('rsa', { modulusLength: info.rsaModulusBits!, publicExponent: 0x10001, ...der }, done);
      case 'ecc':
        return generateKeyPair('ec', { namedCurve: info.curve!, ...der }, done);
      case 'ed25519':
        return generateKeyPair('ed25519', der, done);
      default:
        return reject(new KMSInternalException('no key generator for this key spec'));
    }
  });
}

/**
 * A stored private key (PKCS#8 DER) as a KeyObject; KeyObjects pass through.
 * @throws KMSInternalException if the bytes are not a private key (stored material is ours).
 */
export function loadPrivateKey(key: PrivateKeyInput): KeyObject {
  if (key instanceof KeyObject) {
    if (key.type !== 'private') throw new KMSInternalException('not a private key');
    return key;
  }
  try {
    return createPrivateKey({ key: Buffer.from(key.buffer, key.byteOffset, key.byteLength), format: 'der', type: 'pkcs8' });
  } catch {
    throw new KMSInternalException('stored private key is not PKCS#8');
  }
}

/**
 * A public key (SPKI DER) as a KeyObject; KeyObjects pass through (a private key yields its
 * public half).
 * @throws KMSInternalException if the bytes are not an SPKI public key.
 */
export function loadPublicKey(key: PublicKeyInput): KeyObject {
  if (key instanceof KeyObject) return key.type === 'public' ? key : createPublicKey(key);
  try {
    return createPublicKey({ key: Buffer.from(key.buffer, key.byteOffset, key.byteLength), format: 'der', type: 'spki' });
  } catch {
    throw new KMSInternalException('stored public key is not SPKI');
  }
}

/** The SPKI DER of a private key's public half (GetPublicKey). */
export const publicKeyDer = (privateKey: PrivateKeyInput): Buffer =>
  createPublicKey(loadPrivateKey(privateKey)).export({ type: 'spki', format: 'der' });

// ---- which spec is this key? ---------------------------------------------------------------

/** Offsets of one DER TLV at `o` (definite lengths up to 4 bytes), or undefined. */
function tlv(buf: Buffer, o: number): { tag: number; start: number; end: number } | undefined {
  const tag = buf[o];
  let len = buf[o + 1];
  if (tag === undefined || len === undefined) return undefined;
  let start = o + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > buf.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  return start + len <= buf.length ? { tag, start, end: start + len } : undefined;
}

/** PKCS#8 of an EC key whose AlgorithmIdentifier parameters are a named-curve OID (not explicit). */
function hasNamedCurve(pkcs8: Buffer): boolean {
  const info = tlv(pkcs8, 0);
  const version = info && tlv(pkcs8, info.start);
  const algId = version && tlv(pkcs8, version.end);
  const oid = algId && tlv(pkcs8, algId.start);
  const params = oid && tlv(pkcs8, oid.end);
  return params?.tag === 0x06;
}

/** PKCS#1 RSAPrivateKey version 0 (two primes); version 1 is multi-prime. */
function isTwoPrimeRsa(key: KeyObject): boolean {
  const der = key.export({ type: 'pkcs1', format: 'der' });
  const seq = tlv(der, 0);
  const version = seq && tlv(der, seq.start);
  return version !== undefined && version.tag === 0x02 && version.end - version.start === 1 && der[version.start] === 0;
}

/**
 * The KeySpec a private or public key is, if it is one KMS supports (named curves and the
 * three RSA sizes only); undefined otherwise.
 */
export function keySpecOfKey(key: KeyObject): KeySpec | undefined {
  const details = key.asymmetricKeyDetails ?? {};
  const match = (pred: (i: KeySpecInfo) => boolean): KeySpec | undefined => Object.values(KEY_SPECS).find(pred)?.keySpec;
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return details.publicExponent === undefined ? undefined : match((i) => i.family === 'rsa' && i.rsaModulusBits === details.modulusLength);
    case 'ec':
      return match((i) => i.family === 'ecc' && i.curve === details.namedCurve);
    case 'ed25519':
      return 'ECC_NIST_EDWARDS25519';
    default:
      return undefined;
  }
}

/** Message of the IncorrectKeyMaterialException for material that is not the spec's key (wording ours). */
export const wrongPrivateKeyMessage = (keySpec: KeySpec): string => `The key material is not a valid private key for key spec ${keySpec}.`;

/**
 * Imports a private key given as PEM (any private-key PEM OpenSSL reads: PKCS#8, PKCS#1,
 * SEC1) or as PKCS#8 DER, checks it is a key of `keySpec`, and returns the pair in stored
 * form (PKCS#8 re-encoded in DER, SPKI derived from it).
 *
 * @throws IncorrectKeyMaterialException if the input is not a private key, or is a key of
 *   another type, size or curve, an EC key with explicit parameters, or multi-prime RSA.
 *   The message names the spec, never the material.
 * @throws UnsupportedOperationException for SM2 and ML-DSA (see {@link asymmetricSpec}).
 */
export function importPrivateKey(input: string | Uint8Array, keySpec: KeySpec): AsymmetricKeyPair {
  asymmetricSpec(keySpec);
  let key: KeyObject;
  try {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const isPem = bytes.subarray(0, 64).toString('latin1').includes('-----BEGIN');
    key = isPem ? createPrivateKey({ key: bytes, format: 'pem' }) : createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
  } catch {
    throw new IncorrectKeyMaterialException(wrongPrivateKeyMessage(keySpec));
  }
  if (key.type !== 'private' || keySpecOfKey(key) !== keySpec) throw new IncorrectKeyMaterialException(wrongPrivateKeyMessage(keySpec));
  const pair = exportKeyPair(key);
  if (key.asymmetricKeyType === 'ec' && !hasNamedCurve(pair.privateKey)) throw new IncorrectKeyMaterialException(wrongPrivateKeyMessage(keySpec));
  if (key.asymmetricKeyType === 'rsa' && !isTwoPrimeRsa(key)) throw new IncorrectKeyMaterialException(wrongPrivateKeyMessage(keySpec));
  return pair;
}
