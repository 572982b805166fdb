/**
 * Key material per KeySpec, and the opened forms the operations use.
 *
 * What a backing-key version holds, sealed by the vault like any other (`backing_keys.sealed`):
 * - SYMMETRIC_DEFAULT: 32 random bytes (AES-256-GCM key);
 * - HMAC_*: the HMAC key, as long as the spec says (28/32/48/64 bytes);
 * - RSA_*, ECC_*: the private key as PKCS#8 DER. The public key is derived from it when opened.
 *
 * Opening PKCS#8 costs ~0.4 ms (RSA), so {@link OpenedAsymmetricKeys} keeps one KeyObject pair
 * per key version. Material never changes once written, so the cache needs no invalidation
 * except when a key is deleted.
 *
 * @module
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { OnFirstUse } from '../../common/on-first-use.js';
import { KMSInternalException } from '../errors.js';
import { FRESH_KEY_PAIRS, keyPairGenerators, type KeyPairSource } from '../hsm/key-pair-source.js';
import { isAsymmetric, keySpecInfo } from '../hsm/key-specs.js';
import { generateBackingKey } from '../hsm/symmetric.js';
import type { KeySpec } from '../../common/model/schemas.js';

// The HMAC generator loads with the first HMAC key, not with the server (key-pair-source.ts: the key-pair generators likewise).
const hmacKeys = new OnFirstUse(() => import('../hsm/hmac.js'));

/**
 * Fresh key material for a new key (or version) of `keySpec`: at once for symmetric keys (and for
 * HMAC and ECC keys once their generator is loaded); RSA key pairs come from `source` (the
 * server's: fresh ones are made on libuv's thread pool, so an RSA_4096 key, seconds of CPU, does
 * not stall other requests).
 * @throws UnsupportedOperationException for specs this server cannot create (SM2, ML-DSA).
 */
export function newKeyMaterial(keySpec: string, source: KeyPairSource = FRESH_KEY_PAIRS): Buffer | Promise<Buffer> {
  const info = keySpecInfo(keySpec);
  if (info.family === 'symmetric') return generateBackingKey();
  if (info.family === 'hmac') return hmacKeys.with((m) => m.generateHmacKey(info.keySpec));
  if (info.family === 'rsa') return source.next(info.keySpec as KeySpec).then((pair) => pair.privateKey);
  return keyPairGenerators.with((m) => m.generateAsymmetricKeyPair(info.keySpec as KeySpec).privateKey);
}

/** An asymmetric key version opened for use. */
export interface OpenedKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SubjectPublicKeyInfo, DER (what GetPublicKey returns). */
  readonly publicKeyDer: Buffer;
}

/** Opened key pairs by `keyId:version`. */
export class OpenedAsymmetricKeys {
  private readonly pairs = new Map<string, OpenedKeyPair>();

  /** The pair for this version, opening `pkcs8()` on first use. */
  get(keyId: string, version: number, keySpec: string, pkcs8: () => Buffer | undefined): OpenedKeyPair | undefined {
    const cacheKey = `${keyId}:${version}`;
    let pair = this.pairs.get(cacheKey);
    if (pair) return pair;
    if (!isAsymmetric(keySpecInfo(keySpec))) throw new KMSInternalException('not an asymmetric key');
    const der = pkcs8();
    if (!der) return undefined;
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      throw new KMSInternalException('stored private key is not PKCS#8');
    }
    const publicKey = createPublicKey(privateKey);
    pair = { privateKey, publicKey, publicKeyDer: publicKey.export({ type: 'spki', format: 'der' }) };
    this.pairs.set(cacheKey, pair);
    return pair;
  }

  /** Forgets every version of a deleted key. */
  drop(keyId: string): void {
    for (const k of this.pairs.keys()) if (k.startsWith(`${keyId}:`)) this.pairs.delete(k);
  }
}
