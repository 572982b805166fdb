/**
 * KMS keys in custom key stores: creating them and using them for symmetric encryption.
 *
 * - AWS_CLOUDHSM: the key material is an AES-256 key generated inside the cluster (token),
 *   labelled with the KMS key id; encryption is AES-GCM in the cluster.
 * - EXTERNAL_KEY_STORE: double encryption, as AWS does: "When you use the KMS key in an external
 *   key store to encrypt data, the encryption operation is performed first by KMS using the KMS
 *   key material, and then by the external key manager using the specified external key"
 *   (CreateKey XksKeyId, https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html;
 *   https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html#concept-double-encryption).
 *   The inner layer is AES-256-GCM under a software key generated at CreateKey
 *   ({@link StoreKeyRef} `innerKey`: the caller stores it as it stores any backing key); the
 *   outer layer is the proxy's Encrypt. Decrypt runs the two in reverse.
 *
 * The caller (the Encrypt/Decrypt/GenerateDataKey/ReEncrypt handlers) passes the AAD it
 * authenticates (blob header ‖ encryption context) and embeds the returned bytes in its ciphertext
 * blob; the bytes never leave the server otherwise. Failures: store not CONNECTED →
 * KMSInvalidStateException; proxy failures → KMSInvalidStateException with the XKS spec's
 * message; bytes that do not authenticate → InvalidCiphertextException (empty message, as AWS).
 *
 * @module
 */
import { createSecretKey, randomBytes } from 'node:crypto';
import {
  CustomKeyStoreNotFoundException,
  InvalidCiphertextException,
  KMSInvalidStateException,
  UnsupportedOperationException,
  ValidationException,
} from '../errors.js';
import { CiphertextRejected, StoreNotConnected, XksCallError, type CloudHsmBackend, type XksEncrypted, type XksProxyApi, type XksRequestMetadata } from './backends/types.js';
import { gcmOpen, gcmSeal } from './backends/software.js';
import { CustomKeyStoreInvalidStateException, XksKeyAlreadyInUseException, XksKeyInvalidConfigurationException } from '../errors.js';
import { cksMsg, xksMsg } from './messages.js';
import type { CustomKeyStoreRecord } from './model.js';
import type { CustomKeyStoreRepository } from './repository.js';
import { checkCreateKey } from './state-machine.js';
import { xksCreateKeyError, xksCryptoError } from './xks-errors.js';

/** What the KMS key record keeps about its key material in a custom key store. */
export type StoreKeyRef =
  | { readonly kind: 'AWS_CLOUDHSM'; readonly storeId: string; readonly label: string }
  | { readonly kind: 'EXTERNAL_KEY_STORE'; readonly storeId: string; readonly xksKeyId: string; readonly innerKey: Buffer };

export interface StoreCryptoDeps {
  readonly repo: CustomKeyStoreRepository;
  readonly cloudHsm: CloudHsmBackend;
  readonly xks: XksProxyApi;
}

/** Who asks and for what: the XKS requestMetadata. */
export interface CallContext {
  readonly principalArn: string;
  readonly requestId: string;
  /** The KMS operation (Encrypt, Decrypt, GenerateDataKey, ReEncrypt, CreateKey, DescribeKey, ...). */
  readonly operation: string;
  /** The KMS key's ARN (absent during CreateKey, as the spec says). */
  readonly keyArn?: string;
}

const meta = (c: CallContext): XksRequestMetadata =>
  c.keyArn === undefined
    ? { awsPrincipalArn: c.principalArn, kmsOperation: c.operation, kmsRequestId: c.requestId }
    : { awsPrincipalArn: c.principalArn, kmsKeyArn: c.keyArn, kmsOperation: c.operation, kmsRequestId: c.requestId };

export interface CreateKeyInStoreInput {
  readonly account: string;
  readonly region: string;
  readonly CustomKeyStoreId: string;
  readonly Origin?: string;
  readonly XksKeyId?: string;
  readonly KeySpec?: string;
  readonly KeyUsage?: string;
  readonly MultiRegion?: boolean;
  /** The new KMS key's id (the cluster key's label). */
  readonly keyId: string;
}

/** The KeyMetadata members a key in a custom key store adds. */
export interface StoreKeyMetadata {
  readonly Origin: 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  readonly CustomKeyStoreId: string;
  readonly CloudHsmClusterId?: string;
  readonly XksKeyConfiguration?: { readonly Id: string };
}

const ORIGIN_OF = { AWS_CLOUDHSM: 'AWS_CLOUDHSM', EXTERNAL_KEY_STORE: 'EXTERNAL_KEY_STORE' } as const;

/**
 * CreateKey with a CustomKeyStoreId. Rules (CreateKey API reference): the Origin names the
 * store's type (AWS_CLOUDHSM / EXTERNAL_KEY_STORE); XksKeyId "is required for a KMS key with an
 * Origin value of EXTERNAL_KEY_STORE. It is not valid for KMS keys with any other Origin value";
 * only SYMMETRIC_DEFAULT ENCRYPT_DECRYPT single-Region keys ("You cannot create any other type of
 * KMS key in a custom key store"); the store must be CONNECTED; each external key backs at most one
 * KMS key of the store (XksKeyAlreadyInUseException); the external key must be AES_256, allow
 * ENCRYPT and DECRYPT and be ENABLED (XKS spec, GetKeyMetadata "KMS Considerations").
 * The error codes for a wrong Origin, KeySpec or MultiRegion are INFERRED (ValidationException /
 * UnsupportedOperationException); `xksKeyInUse` answers from the key records.
 */
export async function createKeyInStore(
  input: CreateKeyInStoreInput,
  deps: StoreCryptoDeps & { readonly xksKeyInUse: (storeId: string, xksKeyId: string) => boolean },
  ctx: CallContext,
): Promise<{ ref: StoreKeyRef; metadata: StoreKeyMetadata }> {
  const store = deps.repo.get(input.account, input.region, input.CustomKeyStoreId);
  if (!store) throw new CustomKeyStoreNotFoundException(cksMsg.notFound(input.CustomKeyStoreId));
  const origin = input.Origin ?? 'AWS_KMS';
  if (origin !== ORIGIN_OF[store.type]) throw new ValidationException(cksMsg.originMismatch(origin, store.type));
  if (store.type === 'EXTERNAL_KEY_STORE' && input.XksKeyId === undefined) throw new ValidationException(cksMsg.required('XksKeyId', store.type));
  if (store.type === 'AWS_CLOUDHSM' && input.XksKeyId !== undefined) throw new ValidationException(cksMsg.notValidFor('XksKeyId', store.type));
  if ((input.KeySpec ?? 'SYMMETRIC_DEFAULT') !== 'SYMMETRIC_DEFAULT' || (input.KeyUsage ?? 'ENCRYPT_DECRYPT') !== 'ENCRYPT_DECRYPT' || input.MultiRegion) {
    throw new UnsupportedOperationException(cksMsg.keyTypeNotSupported);
  }
  checkCreateKey(store);
  if (store.type === 'AWS_CLOUDHSM') {
    await withSession(store, deps.cloudHsm, () => deps.cloudHsm.generateKey(store.id, input.keyId), () => {
      throw new CustomKeyStoreInvalidStateException(cksMsg.notConnected(store.id));
    });
    return {
      ref: { kind: 'AWS_CLOUDHSM', storeId: store.id, label: input.keyId },
      metadata: { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: store.id, CloudHsmClusterId: store.cloudHsm!.clusterId },
    };
  }
  const xksKeyId = input.XksKeyId!;
  if (deps.xksKeyInUse(store.id, xksKeyId)) throw new XksKeyAlreadyInUseException(cksMsg.xksKeyInUse(xksKeyId));
  let md;
  try {
    md = await deps.xks.keyMetadata({ settings: store.xks!, region: store.region }, xksKeyId, meta(ctx));
  } catch (e) {
    if (e instanceof XksCallError) throw xksCreateKeyError(e.failure);
    throw e;
  }
  if (md.keySpec !== 'AES_256' || !md.keyUsage.includes('ENCRYPT') || !md.keyUsage.includes('DECRYPT') || md.keyStatus !== 'ENABLED') {
    throw new XksKeyInvalidConfigurationException(cksMsg.xksKeyInvalid(xksKeyId));
  }
  return {
    ref: { kind: 'EXTERNAL_KEY_STORE', storeId: store.id, xksKeyId, innerKey: randomBytes(32) },
    metadata: { Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: store.id, XksKeyConfiguration: { Id: xksKeyId } },
  };
}

/**
 * Runs `f` with a cluster session; a store that is CONNECTED but has no session (the server
 * restarted) logs in again first. `lost` decides what a failed re-login throws.
 */
async function withSession<T>(store: CustomKeyStoreRecord, hsm: CloudHsmBackend, f: () => Promise<T>, lost: () => never): Promise<T> {
  if (!hsm.isConnected(store.id)) {
    const outcome = await hsm.connect({ storeId: store.id, clusterId: store.cloudHsm!.clusterId, password: store.cloudHsm!.keyStorePassword });
    if (!outcome.ok) lost();
  }
  try {
    return await f();
  } catch (e) {
    if (e instanceof StoreNotConnected) lost();
    throw e;
  }
}

function connectedStore(deps: StoreCryptoDeps, account: string, region: string, ref: StoreKeyRef, ctx: CallContext): CustomKeyStoreRecord {
  const store = deps.repo.get(account, region, ref.storeId);
  if (!store || store.connectionState !== 'CONNECTED') {
    throw new KMSInvalidStateException(ref.kind === 'EXTERNAL_KEY_STORE' ? xksMsg.notConnected : cksMsg.keyUnavailable(ctx.keyArn ?? ''));
  }
  return store;
}

// XKS store bytes: 0x01 ‖ ivLen (1) ‖ iv ‖ tag (16) ‖ mdLen (1) ‖ metadata ‖ ciphertext.
const XKS_FORMAT = 0x01;

function packXks(e: XksEncrypted): Buffer {
  const md = e.ciphertextMetadata ?? Buffer.alloc(0);
  return Buffer.concat([Buffer.from([XKS_FORMAT, e.initializationVector.length]), e.initializationVector, e.authenticationTag, Buffer.from([md.length]), md, e.ciphertext]);
}

function unpackXks(b: Buffer): XksEncrypted {
  if (b.length < 2 || b[0] !== XKS_FORMAT) throw new InvalidCiphertextException('');
  const ivLen = b[1]!;
  const mdAt = 2 + ivLen + 16;
  if ((ivLen !== 12 && ivLen !== 16) || b.length < mdAt + 1) throw new InvalidCiphertextException('');
  const mdLen = b[mdAt]!;
  if (mdLen > 20 || b.length < mdAt + 1 + mdLen) throw new InvalidCiphertextException('');
  const e = {
    initializationVector: b.subarray(2, 2 + ivLen),
    authenticationTag: b.subarray(2 + ivLen, mdAt),
    ciphertext: b.subarray(mdAt + 1 + mdLen),
  };
  return mdLen === 0 ? e : { ...e, ciphertextMetadata: b.subarray(mdAt + 1, mdAt + 1 + mdLen) };
}

const keyUnavailable = (ctx: CallContext) => (): never => {
  throw new KMSInvalidStateException(cksMsg.keyUnavailable(ctx.keyArn ?? ''));
};

/** Encrypts in the key's store; returns the bytes to embed in the ciphertext blob. */
export async function encryptInStore(
  deps: StoreCryptoDeps,
  scope: { account: string; region: string },
  ref: StoreKeyRef,
  plaintext: Buffer,
  aad: Buffer,
  ctx: CallContext,
): Promise<Buffer> {
  const store = connectedStore(deps, scope.account, scope.region, ref, ctx);
  if (ref.kind === 'AWS_CLOUDHSM') return withSession(store, deps.cloudHsm, () => deps.cloudHsm.encrypt(store.id, ref.label, plaintext, aad), keyUnavailable(ctx));
  const inner = gcmSeal(createSecretKey(ref.innerKey), plaintext, aad);
  try {
    return packXks(await deps.xks.encrypt({ settings: store.xks!, region: store.region }, ref.xksKeyId, inner, aad, meta(ctx)));
  } catch (e) {
    if (e instanceof XksCallError) throw xksCryptoError(e.failure);
    throw e;
  }
}

/** Reverses {@link encryptInStore}. */
export async function decryptInStore(
  deps: StoreCryptoDeps,
  scope: { account: string; region: string },
  ref: StoreKeyRef,
  data: Buffer,
  aad: Buffer,
  ctx: CallContext,
): Promise<Buffer> {
  const store = connectedStore(deps, scope.account, scope.region, ref, ctx);
  try {
    if (ref.kind === 'AWS_CLOUDHSM') return await withSession(store, deps.cloudHsm, () => deps.cloudHsm.decrypt(store.id, ref.label, data, aad), keyUnavailable(ctx));
    const inner = await deps.xks.decrypt({ settings: store.xks!, region: store.region }, ref.xksKeyId, unpackXks(data), aad, meta(ctx));
    return gcmOpen(createSecretKey(ref.innerKey), inner, aad);
  } catch (e) {
    if (e instanceof CiphertextRejected) throw new InvalidCiphertextException('');
    if (e instanceof XksCallError) throw xksCryptoError(e.failure);
    throw e;
  }
}
