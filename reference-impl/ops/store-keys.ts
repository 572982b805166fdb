/**
 * KMS keys in custom key stores, for the key and crypto handlers: CreateKey with a
 * CustomKeyStoreId, the key state DescribeKey and the crypto operations see (Unavailable while the
 * store is not connected), encryption and decryption in the store (ciphertext blob format 3,
 * hsm/blob.ts), and GenerateRandom from a CloudHSM key store. The store logic itself is
 * keystores/ (crypto.ts: createKeyInStore, encryptInStore, decryptInStore; state-machine.ts).
 *
 * Facts: CreateKey API reference (CustomKeyStoreId, Origin, XksKeyId; "You cannot create any
 * other type of KMS key in a custom key store"); key-state.html ("A KMS key in an AWS CloudHSM key
 * store is Unavailable when the custom key store is intentionally disconnected"; KS-OLD [11]
 * `<arn> is unavailable.`, [13] PendingDeletion stays); GenerateRandom CustomKeyStoreId ("External
 * key stores are not supported"). Keys in custom key stores do not rotate (KS-OLD [7]; the rotation
 * handlers refuse any Origin but AWS_KMS / EXTERNAL). KeyMaterialId members are left out for them
 * (KeyMetadata.CurrentKeyMaterialId: "present for symmetric encryption keys with AWS_KMS or
 * EXTERNAL origin").
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { CustomKeyStoreNotFoundException, InvalidCiphertextException, KMSInternalException, LimitExceededException } from '../errors.js';
import { CIPHERTEXT_FORMAT_STORE, INVALID_CIPHERTEXT_MESSAGE, storeBlobHeader, type ParsedCiphertextBlob } from '../hsm/blob.js';
import { generateRandom } from '../hsm/symmetric.js';
import type { StoreKeyRef } from '../keystores/index.js';
import { keyArn, type KeyRecord } from '../records/key-records.js';
import type { CreateKeyRequest } from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { checkNewPolicy, checkNewTags } from './guards.js';
import { keyMetadata } from './key-metadata.js';
import { keyMsg } from './operation-messages.js';

export const isStoreKey = (key: KeyRecord): boolean => key.customKeyStore !== undefined;

/** `key` as DescribeKey and the crypto operations see it: Unavailable while its store is not connected. */
export function withStoreState(ctx: OpContext, key: KeyRecord): KeyRecord {
  const link = key.customKeyStore;
  if (!link) return key;
  // A key in a custom key store exists only while its store does, and then the pipeline has
  // created the services before any operation runs (./key-store-services.ts).
  if (!ctx.keyStores) throw new KMSInternalException('custom key store services are not loaded');
  const store = ctx.keyStores.repo.get(key.account, key.region, link.id);
  const state = ctx.keyStores.logic.effectiveKeyState(key.state, store?.connectionState ?? 'DISCONNECTED');
  return state === key.state ? key : { ...key, state };
}

/** CreateKey with a CustomKeyStoreId (or a custom key store Origin). */
export async function createStoreKey(input: CreateKeyRequest, ctx: OpContext, maxKeys: number): Promise<object> {
  const services = ctx.keyStores;
  if (!services || input.CustomKeyStoreId === undefined) {
    // Without a store id the caller already answered ValidationException; without services no store exists.
    throw new CustomKeyStoreNotFoundException(keyMsg.customKeyStoreNotFound(input.CustomKeyStoreId ?? ''));
  }
  const tags = input.Tags ?? [];
  checkNewTags([], tags);
  const keyId = randomUUID();
  if (input.Policy !== undefined) {
    const facts = { arn: keyArn(ctx.scope.region, ctx.scope.account, keyId), account: ctx.scope.account, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: input.Origin ?? 'AWS_CLOUDHSM', tags };
    checkNewPolicy(ctx, input.Policy, input.BypassPolicyLockoutSafetyCheck, facts);
  }
  const usage = ctx.keyring.store.countKeys(ctx.scope.account, ctx.scope.region);
  if (usage >= maxKeys) throw new LimitExceededException(keyMsg.tooManyKeys(maxKeys, usage));
  const { ref, metadata } = await services.logic.createKeyInStore(
    {
      account: ctx.scope.account,
      region: ctx.scope.region,
      CustomKeyStoreId: input.CustomKeyStoreId,
      Origin: input.Origin,
      XksKeyId: input.XksKeyId,
      KeySpec: input.KeySpec ?? input.CustomerMasterKeySpec,
      KeyUsage: input.KeyUsage,
      MultiRegion: input.MultiRegion,
      keyId,
    },
    { repo: services.repo, cloudHsm: services.cloudHsm, xks: services.xks, xksKeyInUse: (storeId, xksKeyId) => xksKeyInUse(ctx, storeId, xksKeyId) },
    { principalArn: ctx.scope.principalArn, requestId: ctx.requestId ?? '', operation: 'CreateKey' },
  );
  const key = ctx.keyring.createKey(ctx.scope, {
    keyId,
    description: input.Description ?? '',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    origin: metadata.Origin,
    keyManager: 'CUSTOMER',
    policy: input.Policy,
    tags,
    customKeyStore: {
      id: metadata.CustomKeyStoreId,
      type: metadata.Origin,
      ...(metadata.CloudHsmClusterId !== undefined ? { clusterId: metadata.CloudHsmClusterId } : {}),
      ...(metadata.XksKeyConfiguration ? { xksKeyId: metadata.XksKeyConfiguration.Id } : {}),
    },
    ...(ref.kind === 'EXTERNAL_KEY_STORE' ? { material: ref.innerKey } : {}),
  });
  if (ref.kind === 'EXTERNAL_KEY_STORE') ref.innerKey.fill(0);
  ctx.audit.resources = [key.arn];
  return { KeyMetadata: keyMetadata(withStoreState(ctx, key), ctx.keyring) };
}

/** Whether another KMS key of the store already uses this external key. */
function xksKeyInUse(ctx: OpContext, storeId: string, xksKeyId: string): boolean {
  return ctx.keyring.store.allKeys().some((k) => k.customKeyStore?.id === storeId && k.customKeyStore.xksKeyId === xksKeyId);
}

/** The store-side reference of a key (the XKS inner key is opened from backing key version 1). */
function storeRef(ctx: OpContext, key: KeyRecord): StoreKeyRef {
  const link = key.customKeyStore!;
  if (link.type === 'AWS_CLOUDHSM') return { kind: 'AWS_CLOUDHSM', storeId: link.id, label: key.keyId };
  const innerKey = ctx.keyring.material(key, 1);
  if (!innerKey) throw new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE);
  return { kind: 'EXTERNAL_KEY_STORE', storeId: link.id, xksKeyId: link.xksKeyId!, innerKey };
}

const callContext = (ctx: OpContext, key: KeyRecord, operation: string) => ({
  principalArn: ctx.scope.principalArn,
  requestId: ctx.requestId ?? '',
  operation,
  keyArn: key.arn,
});

function services(ctx: OpContext) {
  if (!ctx.keyStores) throw new CustomKeyStoreNotFoundException(keyMsg.customKeyStoreNotFound(''));
  return ctx.keyStores;
}

/** Encrypts under a store key; resolves to the whole ciphertext blob (format 3). */
export async function sealInStore(ctx: OpContext, key: KeyRecord, plaintext: Buffer, contextAad: Buffer, operation: string): Promise<Buffer> {
  const header = storeBlobHeader(key.keyId);
  const s = services(ctx);
  const bytes = await s.logic.encryptInStore(s, key, storeRef(ctx, key), plaintext, Buffer.concat([header, contextAad]), callContext(ctx, key, operation));
  return Buffer.concat([header, bytes]);
}

/** Decrypts a format-3 blob of a store key. */
export function openInStore(ctx: OpContext, key: KeyRecord, parsed: ParsedCiphertextBlob, contextAad: Buffer, operation: string): Promise<Buffer> {
  if (parsed.formatVersion !== CIPHERTEXT_FORMAT_STORE || !isStoreKey(key)) return Promise.reject(new InvalidCiphertextException(INVALID_CIPHERTEXT_MESSAGE));
  const s = services(ctx);
  return s.logic.decryptInStore(s, key, storeRef(ctx, key), parsed.ciphertext, Buffer.concat([parsed.header, contextAad]), callContext(ctx, key, operation));
}

/** GenerateRandom with a CustomKeyStoreId: a CloudHSM key store that is connected. */
export function generateRandomInStore(ctx: OpContext, storeId: string, n: number): Buffer {
  const store = ctx.keyStores?.repo.get(ctx.scope.account, ctx.scope.region, storeId);
  if (!store) throw new CustomKeyStoreNotFoundException(keyMsg.customKeyStoreNotFound(storeId));
  ctx.keyStores!.logic.checkGenerateRandom(store);
  return generateRandom(n);
}
