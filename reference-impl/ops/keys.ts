/**
 * Key management: CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey,
 * UpdateKeyDescription, ScheduleKeyDeletion, CancelKeyDeletion.
 *
 * @module
 */
import {
  KMSInvalidStateException,
  LimitExceededException,
  UnsupportedOperationException,
  ValidationException,
} from '../errors.js';
import { invalidState, requireEnabledOrDisabled, requireNotPendingDeletion } from '../keys/key-state.js';
import { checkKeyUsage, keySpecInfo, notInRegionMessage } from '../hsm/key-specs.js';
import { newKeyMaterial } from '../keys/key-material.js';
import type {
  KeySpec,
  KeyUsageType,
  CancelKeyDeletionRequest,
  CreateKeyRequest,
  DescribeKeyRequest,
  DisableKeyRequest,
  EnableKeyRequest,
  ListKeysRequest,
  ScheduleKeyDeletionRequest,
  UpdateKeyDescriptionRequest,
} from '../../common/model/schemas.js';
import type { KeyRecord } from '../records/key-records.js';
import { DAY_MS, epochSeconds, keyArn, storeIdOf } from '../records/key-records.js';
import { DEFAULT_ROTATION_PERIOD_DAYS } from '../keys/keyring.js';
import type { OpContext } from './context.js';
import { keyMetadata } from './key-metadata.js';
import { cryptoMsg, keyMsg } from './operation-messages.js';
import { decodeMarker, encodeMarker, DEFAULT_LIMIT } from '../reply/pagination.js';
import { checkNewPolicy, checkNewTags, customerManagedKey } from './guards.js';
import { takeCustomKeyTags } from './custom-key-tags.js';
import { isPrimary } from '../keys/multi-region.js';
import { createStoreKey, withStoreState } from './store-keys.js';

/** Stands for the id of a key being created in the policy checks. */
const NEW_KEY_ID = '00000000-0000-0000-0000-000000000000';

/** Resource quota: customer managed keys per account and Region. */
export const MAX_KEYS_PER_ACCOUNT_REGION = 100_000;

export function createKey(input: CreateKeyRequest, ctx: OpContext): object | Promise<object> {
  if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
    throw new ValidationException(keyMsg.bothKeySpecs);
  }
  const keySpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
  const origin = input.Origin ?? 'AWS_KMS';
  const keyUsage = checkSpecAndUsage(keySpec, input.KeyUsage);
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || input.CustomKeyStoreId !== undefined) {
    if (input.CustomKeyStoreId === undefined) throw new ValidationException(keyMsg.customKeyStoreRequired(origin));
    return createStoreKey(input, ctx, MAX_KEYS_PER_ACCOUNT_REGION);
  }
  const custom = ctx.strictAws ? undefined : takeCustomKeyTags(input.Tags ?? [], keySpec);
  const tags = custom?.tags ?? input.Tags ?? [];
  checkNewTags([], tags);
  if (input.Policy !== undefined) {
    // The key does not exist yet: the lockout check judges the policy for a key of this account.
    const arn = keyArn(ctx.scope.region, ctx.scope.account, NEW_KEY_ID);
    checkNewPolicy(ctx, input.Policy, input.BypassPolicyLockoutSafetyCheck, { arn, account: ctx.scope.account, keySpec, keyUsage, origin, tags });
  }
  const usage = ctx.keyring.store.countKeys(ctx.scope.account, ctx.scope.region);
  if (usage >= MAX_KEYS_PER_ACCOUNT_REGION) throw new LimitExceededException(keyMsg.tooManyKeys(MAX_KEYS_PER_ACCOUNT_REGION, usage));
  const create = (material?: Buffer): object => {
    const key = ctx.keyring.createKey(ctx.scope, {
      description: input.Description ?? '',
      keySpec,
      keyUsage,
      origin,
      keyManager: 'CUSTOMER',
      policy: input.Policy,
      tags,
      multiRegion: input.MultiRegion === true,
      keyId: custom?.keyId,
      material: material ?? custom?.material,
    });
    ctx.audit.resources = [key.arn];
    return { KeyMetadata: keyMetadata(key, ctx.keyring) };
  };
  // Symmetric material is made by the keyring; RSA key pairs come from the server's source (fresh
  // ones are made on the thread pool, ops/context.ts); HMAC and ECC material here.
  if (origin !== 'AWS_KMS' || custom?.material || keySpec === 'SYMMETRIC_DEFAULT') return create();
  const made = newKeyMaterial(keySpec, ctx.keyring.keyPairs);
  return made instanceof Promise ? made.then(create) : create(made);
}

/**
 * KeySpec × KeyUsage as CreateKey checks them: every spec but SYMMETRIC_DEFAULT needs an explicit
 * KeyUsage (aws-observed.md V8), which must be one the spec allows (V11, `checkKeyUsage`); specs
 * this server cannot serve are then refused as AWS refuses a spec in a Region without it
 * (`KeySpec SM2 is not supported in this Region`, floci-io/floci#3026) — SM2 (China Regions
 * only) and ML-DSA (Node 20 / OpenSSL 3.0 have no ML-DSA; README).
 */
function checkSpecAndUsage(keySpec: KeySpec, requested: KeyUsageType | undefined): KeyUsageType {
  if (requested === undefined && keySpec !== 'SYMMETRIC_DEFAULT') throw new ValidationException(cryptoMsg.keyUsageRequired);
  const keyUsage = requested ?? 'ENCRYPT_DECRYPT';
  checkKeyUsage(keySpec, keyUsage);
  const info = keySpecInfo(keySpec);
  if (info.chinaRegionsOnly || !info.implemented) throw new UnsupportedOperationException(notInRegionMessage('KeySpec', keySpec));
  return keyUsage;
}

export function describeKey(input: DescribeKeyRequest, ctx: OpContext): object {
  const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: true, operation: 'DescribeKey' });
  ctx.audit.resources = [key.arn];
  return { KeyMetadata: keyMetadata(withStoreState(ctx, key), ctx.keyring) };
}

export function listKeys(input: ListKeysRequest, ctx: OpContext): object {
  const after = decodeMarker(input.Marker);
  const limit = input.Limit ?? DEFAULT_LIMIT;
  ctx.keyring.sweep(ctx.scope.now);
  const rows = ctx.keyring.store.listKeys(ctx.scope.account, ctx.scope.region, after, limit + 1);
  const truncated = rows.length > limit;
  const shown = rows.slice(0, limit);
  const keys = shown.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn }));
  // The marker names the store id (a multi-Region key's record is `<mrk id>@<Region>`).
  return truncated
    ? { Keys: keys, NextMarker: encodeMarker(storeIdOf(shown[shown.length - 1]!)), Truncated: true }
    : { Keys: keys, Truncated: false };
}

function setState(ctx: OpContext, key: KeyRecord, state: 'Enabled' | 'Disabled'): void {
  requireEnabledOrDisabled(key);
  if (key.state === state) return;
  ctx.keyring.update(key, (k) => {
    requireEnabledOrDisabled(k);
    if (k.state === state) return;
    k.state = state;
    if (state === 'Enabled') resumeRotation(ctx, k);
  });
}

/**
 * A disabled key is not rotated. When it is enabled again and its rotation date passed while it
 * was disabled, KMS rotates it once, immediately, and then every period from now; otherwise the
 * prior schedule resumes (MODEL GetKeyRotationStatus doc, "Disabled"). Runs inside the update.
 */
function resumeRotation(ctx: OpContext, k: KeyRecord): void {
  if (!k.rotationEnabled || k.nextRotationAt === null || k.nextRotationAt > ctx.scope.now) return;
  ctx.keyring.addBackingKey(k, ctx.scope.now, 'AUTOMATIC');
  k.nextRotationAt = ctx.scope.now + (k.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS) * DAY_MS;
}

export function enableKey(input: EnableKeyRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'EnableKey');
  setState(ctx, key, 'Enabled');
  return {};
}

export function disableKey(input: DisableKeyRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'DisableKey');
  setState(ctx, key, 'Disabled');
  return {};
}

export function updateKeyDescription(input: UpdateKeyDescriptionRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'UpdateKeyDescription');
  requireNotPendingDeletion(key);
  ctx.keyring.update(key, (k) => {
    k.description = input.Description;
  });
  return {};
}

export const MIN_PENDING_WINDOW_DAYS = 7;
export const MAX_PENDING_WINDOW_DAYS = 30;
export const DEFAULT_PENDING_WINDOW_DAYS = 30;

export function scheduleKeyDeletion(input: ScheduleKeyDeletionRequest, ctx: OpContext): object {
  const days = input.PendingWindowInDays ?? DEFAULT_PENDING_WINDOW_DAYS;
  if (!ctx.faults.has('any-window')) {
    if (days < MIN_PENDING_WINDOW_DAYS || days > MAX_PENDING_WINDOW_DAYS) throw new ValidationException(keyMsg.pendingWindow);
  }
  const key = customerManagedKey(ctx, input.KeyId, 'ScheduleKeyDeletion');
  const alreadyPending = (k: KeyRecord) => k.state === 'PendingDeletion' || k.state === 'PendingReplicaDeletion';
  if (alreadyPending(key)) throw invalidState(key);
  const deletionDate = ctx.scope.now + days * DAY_MS;
  const updated = ctx.keyring.update(key, (k) => {
    if (alreadyPending(k)) throw invalidState(k);
    // A multi-Region primary with replicas waits for them: its window starts when the last is deleted.
    if (isPrimary(k) && ctx.keyring.related(k).some((r) => r.region !== k.region)) {
      k.state = 'PendingReplicaDeletion';
      k.pendingReplicaWindowInDays = days;
      return;
    }
    k.state = 'PendingDeletion';
    k.deletionDate = deletionDate;
    k.pendingWindowInDays = days;
  })!;
  if (updated.state === 'PendingReplicaDeletion') {
    return { KeyId: updated.arn, KeyState: 'PendingReplicaDeletion', PendingWindowInDays: days };
  }
  return {
    KeyId: updated.arn,
    DeletionDate: epochSeconds(deletionDate),
    KeyState: 'PendingDeletion',
    PendingWindowInDays: days,
  };
}

export function cancelKeyDeletion(input: CancelKeyDeletionRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'CancelKeyDeletion');
  const notPending = (k: KeyRecord) =>
    k.state !== 'PendingDeletion' && k.state !== 'PendingReplicaDeletion' ? new KMSInvalidStateException(keyMsg.notPendingDeletion(k.arn)) : undefined;
  const refused = notPending(key);
  if (refused) throw refused;
  ctx.keyring.update(key, (k) => {
    const again = notPending(k);
    if (again) throw again;
    k.state = ctx.faults.has('cancel-enables') ? 'Enabled' : 'Disabled';
    k.deletionDate = null;
    k.pendingWindowInDays = null;
    k.pendingReplicaWindowInDays = null;
  });
  return { KeyId: key.arn };
}

