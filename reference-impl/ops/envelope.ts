/**
 * The two kinds of ciphertext the encryption operations make and open:
 * - symmetric keys: the versioned blob of hsm/blob.ts (names its key and backing-key version;
 *   the encryption context is bound as AAD);
 * - RSA keys: bare RSAES-OAEP (hsm/asymmetric-encrypt.ts, loaded with the first RSA key used); the caller names key and algorithm,
 *   and no encryption context is bound ("The standard asymmetric encryption algorithms ... do
 *   not support an encryption context", EncryptRequest.EncryptionContext in the model).
 *
 * @module
 */
import { AccessDeniedException, IncorrectKeyException, InvalidCiphertextException, ValidationException } from '../errors.js';
import { OnFirstUse } from '../../common/on-first-use.js';
import { CIPHERTEXT_FORMAT_STORE, INVALID_CIPHERTEXT_MESSAGE, parseCiphertextBlob } from '../hsm/blob.js';
import { incompatibleAlgorithm, isAsymmetric, keySpecInfo, maxRsaPlaintextLength, rsaPlaintextTooLongMessage } from '../hsm/key-specs.js';
import { decryptSymmetric, encryptSymmetric } from '../hsm/symmetric.js';
import { storeKeyId, type KeyRecord } from '../records/key-records.js';
import type { EncryptionAlgorithmSpec, KeySpec } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { noteKey, requireUsableState, requireUsage } from './key-use.js';
import { isStoreKey, openInStore, sealInStore, withStoreState } from './store-keys.js';
import { cryptoMsg } from './operation-messages.js';
import { isGeneratedKeyId } from '../keys/key-ref.js';

type Context = Record<string, string>;
const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';

/** RSAES-OAEP, loaded with the first use of an RSA key (the answer then comes later, once). */
const rsa = new OnFirstUse(() => import('../hsm/asymmetric-encrypt.js'));

/** RSA, ECC, SM2, ML-DSA: keys with a key pair (not symmetric, not HMAC). */
export const isAsymmetricKey = (key: KeyRecord): boolean => isAsymmetric(keySpecInfo(key.keySpec));

/**
 * The algorithm a call uses with `key`: `requested`, SYMMETRIC_DEFAULT by default.
 * @throws InvalidKeyUsageException `Algorithm X is incompatible with key spec S.` — so an RSA key
 *   without EncryptionAlgorithm is refused as `Algorithm SYMMETRIC_DEFAULT is incompatible with
 *   key spec RSA_2048.` (floci-io/floci integration test, stated as measured on AWS; INFERRED).
 */
export function encryptionAlgorithm(key: KeyRecord, requested: EncryptionAlgorithmSpec | undefined): EncryptionAlgorithmSpec {
  const algorithm = requested ?? SYMMETRIC_DEFAULT;
  if (!keySpecInfo(key.keySpec).encryptionAlgorithms.includes(algorithm)) throw incompatibleAlgorithm(algorithm, key.keySpec);
  return algorithm;
}

/** RSA plaintext limit per key size and padding (aws-observed.md V5); a no-op for symmetric keys. */
export function checkPlaintextFits(key: KeyRecord, algorithm: EncryptionAlgorithmSpec, plaintext: Uint8Array): void {
  if (algorithm === SYMMETRIC_DEFAULT) return;
  const max = maxRsaPlaintextLength(key.keySpec as KeySpec, algorithm);
  if (plaintext.length > max) throw new ValidationException(rsaPlaintextTooLongMessage(algorithm, key.keySpec, max));
}

/**
 * Encrypts under `key` with `algorithm` (checked by {@link encryptionAlgorithm}); a key in a
 * custom key store answers later (its backend is asked).
 */
export function sealUnder(
  ctx: OpContext,
  key: KeyRecord,
  algorithm: EncryptionAlgorithmSpec,
  plaintext: Buffer,
  context: Context | undefined,
  operation: string,
): Buffer | Promise<Buffer> {
  if (isStoreKey(key)) return sealInStore(ctx, key, plaintext, ctx.encodeContext(context), operation);
  if (algorithm !== SYMMETRIC_DEFAULT) {
    const pair = ctx.keyring.keyPair(key);
    if (!pair) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
    return rsa.with((m) => m.rsaEncrypt({ keySpec: key.keySpec as KeySpec, publicKey: pair.publicKey, algorithm, plaintext }));
  }
  const material = ctx.keyring.material(key);
  if (!material) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  return encryptSymmetric({
    keyId: key.keyId,
    backingKeyVersion: key.currentVersion,
    material,
    plaintext,
    contextAad: ctx.encodeContext(context),
  });
}

/** A ciphertext opened: its key, plaintext (zero it when done), algorithm, and backing-key version (symmetric only). */
export interface Opened {
  key: KeyRecord;
  plaintext: Buffer;
  algorithm: EncryptionAlgorithmSpec;
  version?: number;
}

export interface OpenRequest {
  blob: Buffer | undefined;
  context: Context | undefined;
  /** The key the caller named (required for RSA ciphertext). */
  keyIdText: string | undefined;
  algorithm: EncryptionAlgorithmSpec | undefined;
  /** Decrypt or ReEncryptFrom (AWS's names in messages). */
  operation: string;
}

/** The key `keyIdText` names if it is asymmetric; undefined otherwise (errors come from the symmetric path, in its order). */
function namedAsymmetricKey(ctx: OpContext, req: OpenRequest): KeyRecord | undefined {
  if (req.keyIdText === undefined) return undefined;
  let key: KeyRecord;
  try {
    key = ctx.keyring.resolve(ctx.scope, req.keyIdText, { aliases: true, operation: req.operation });
  } catch {
    return undefined;
  }
  return isAsymmetricKey(key) ? key : undefined;
}

/**
 * RSA ciphertext: the algorithm left at SYMMETRIC_DEFAULT makes KMS read the bytes as a
 * symmetric blob first, so the answer is InvalidCiphertextException (floci-io/floci integration
 * test, stated as measured on AWS us-east-1; INFERRED).
 */
function openAsymmetric(ctx: OpContext, key: KeyRecord, req: OpenRequest): Opened | Promise<Opened> {
  noteKey(ctx, key);
  requireUsableState(ctx, key);
  requireUsage(key, 'ENCRYPT_DECRYPT', req.operation);
  if (req.algorithm === undefined || req.algorithm === SYMMETRIC_DEFAULT) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  const algorithm = encryptionAlgorithm(key, req.algorithm);
  const pair = ctx.keyring.keyPair(key);
  if (!pair || !req.blob) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  const ciphertext = req.blob;
  return rsa.with((m) => ({ key, plaintext: m.rsaDecrypt({ keySpec: key.keySpec as KeySpec, privateKey: pair.privateKey, algorithm, ciphertext }), algorithm }));
}

/** Opens a symmetric blob: finds its key (checking an optional caller-named key), state, and context. */
function openSymmetric(ctx: OpContext, req: OpenRequest): Opened | Promise<Opened> {
  const parsed = parseCiphertextBlob(req.blob);
  let key: KeyRecord | undefined;
  if (req.keyIdText !== undefined) {
    key = ctx.keyring.resolve(ctx.scope, req.keyIdText, { aliases: true, operation: req.operation });
    if (key.keyId !== parsed.keyId) throw new IncorrectKeyException(cryptoMsg.incorrectKey);
  } else {
    key = ctx.keyring.byId(storeKeyId(ctx.scope.region, parsed.keyId), ctx.scope.now);
    // Bytes that only look like a blob (3 in 256 random strings start with a format byte, e.g.
    // RSA ciphertext sent without KeyId) name no key this server could have made: key ids, and
    // multi-Region ids' hex digits, are random version 4 UUIDs (a random string passes 1 time in
    // 64). Those are invalid ciphertext, not a key that is gone. (Multi-Region keys of data dirs
    // from before v4-shaped ids, absent from this Region, answer InvalidCiphertext too.)
    if (!key && !isGeneratedKeyId(parsed.keyId)) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
    // A blob naming a key that does not exist (any more) here: AWS answers AccessDenied
    // (aws-observed.md C8, X3), the same as for a key the caller may not use.
    if (!key || key.region !== ctx.scope.region) throw new AccessDeniedException(cryptoMsg.ciphertextKeyUnavailable(ctx.scope.principalArn, req.operation));
    // Resolve through the ARN so access is authorized like any named key.
    key = ctx.keyring.resolve(ctx.scope, key.arn, { aliases: false, operation: req.operation, ciphertext: true });
  }
  key = withStoreState(ctx, key);
  noteKey(ctx, key);
  requireUsableState(ctx, key);
  requireUsage(key, 'ENCRYPT_DECRYPT', req.operation);
  const algorithm = encryptionAlgorithm(key, req.algorithm);
  if (isStoreKey(key) || parsed.formatVersion === CIPHERTEXT_FORMAT_STORE) {
    // No KeyMaterialId for keys in custom key stores (KeyMetadata.CurrentKeyMaterialId doc).
    const k = key;
    return openInStore(ctx, k, parsed, ctx.encodeContext(req.context), req.operation).then((plaintext) => ({ key: k, plaintext, algorithm }));
  }
  const material = ctx.keyring.material(key, parsed.backingKeyVersion);
  if (!material) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  const plaintext = decryptSymmetric({ parsed, material, contextAad: ctx.encodeContext(req.context) });
  return { key, plaintext, algorithm, version: parsed.backingKeyVersion };
}

/** Decrypt / ReEncrypt's source side (a key in a custom key store answers later). */
export function openCiphertext(ctx: OpContext, req: OpenRequest): Opened | Promise<Opened> {
  const asymmetric = namedAsymmetricKey(ctx, req);
  return asymmetric ? openAsymmetric(ctx, asymmetric, req) : openSymmetric(ctx, req);
}

/** KeyMaterialId of a version: none for keys in custom key stores (KeyMetadata.CurrentKeyMaterialId doc). */
export const materialIdOf = (ctx: OpContext, key: KeyRecord, version: number): string | undefined =>
  isStoreKey(key) ? undefined : ctx.keyring.materialId(key, version);

/** (Not named `then`: a module exporting `then` is a thenable to dynamic import.) `v`, or what `v` resolves to, through `f`: the synchronous path stays synchronous (custom key store keys answer later). */
export function andThen<T, U>(v: T | Promise<T>, f: (t: T) => U | Promise<U>): U | Promise<U> {
  return v instanceof Promise ? v.then(f) : f(v);
}
