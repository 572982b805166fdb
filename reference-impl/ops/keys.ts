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
  CustomKeyStoreNotFoundException,
} from '../errors.js';
import { invalidState, requireEnabledOrDisabled, requireNotPendingDeletion } from '../keys/key-state.js';
import type {
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
import { DAY_MS, epochSeconds } from '../records/key-records.js';
import { DEFAULT_ROTATION_PERIOD_DAYS } from '../keys/keyring.js';
import type { OpContext } from './context.js';
import { keyMetadata } from './key-metadata.js';
import { keyMsg } from './operation-messages.js';
import { decodeMarker, encodeMarker, DEFAULT_LIMIT } from '../reply/pagination.js';
import { checkNewPolicy, checkNewTags, managedKey, requireCustomerManaged } from './guards.js';
import { takeCustomKeyTags } from './custom-key-tags.js';

/** Resource quota: customer managed keys per account and Region. */
export const MAX_KEYS_PER_ACCOUNT_REGION = 100_000;

export function createKey(input: CreateKeyRequest, ctx: OpContext): object {
  if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
    throw new ValidationException(keyMsg.bothKeySpecs);
  }
  const keySpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
  const keyUsage = input.KeyUsage ?? 'ENCRYPT_DECRYPT';
  const origin = input.Origin ?? 'AWS_KMS';
  if (keySpec !== 'SYMMETRIC_DEFAULT') throw new UnsupportedOperationException(keyMsg.notYetSupported(`KeySpec ${keySpec}`));
  if (keyUsage !== 'ENCRYPT_DECRYPT') throw new ValidationException(keyMsg.usageForSpec(keyUsage, keySpec));
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || input.CustomKeyStoreId !== undefined) {
    if (input.CustomKeyStoreId === undefined) throw new ValidationException(keyMsg.customKeyStoreRequired(origin));
    throw new CustomKeyStoreNotFoundException(keyMsg.customKeyStoreNotFound(input.CustomKeyStoreId));
  }
  if (input.MultiRegion) throw new UnsupportedOperationException(keyMsg.notYetSupported('multi-Region keys'));
  const custom = ctx.strictAws ? undefined : takeCustomKeyTags(input.Tags ?? [], keySpec);
  const tags = custom?.tags ?? input.Tags ?? [];
  checkNewTags([], tags);
  if (input.Policy !== undefined) checkNewPolicy(ctx, input.Policy, input.BypassPolicyLockoutSafetyCheck);
  const usage = ctx.keyring.store.countKeys(ctx.scope.account, ctx.scope.region);
  if (usage >= MAX_KEYS_PER_ACCOUNT_REGION) throw new LimitExceededException(keyMsg.tooManyKeys(MAX_KEYS_PER_ACCOUNT_REGION, usage));
  const key = ctx.keyring.createKey(ctx.scope, {
    description: input.Description ?? '',
    keySpec,
    keyUsage,
    origin,
    keyManager: 'CUSTOMER',
    policy: input.Policy,
    tags,
    keyId: custom?.keyId,
    material: custom?.material,
  });
  ctx.audit.resources = [key.arn];
  return { KeyMetadata: keyMetadata(key, ctx.keyring) };
}

export function describeKey(input: DescribeKeyRequest, ctx: OpContext): object {
  const key = ctx.keyring.resolve(ctx.scope, input.KeyId, { aliases: true, operation: 'DescribeKey' });
  ctx.audit.resources = [key.arn];
  return { KeyMetadata: keyMetadata(key, ctx.keyring) };
}

export function listKeys(input: ListKeysRequest, ctx: OpContext): object {
  const after = decodeMarker(input.Marker);
  const limit = input.Limit ?? DEFAULT_LIMIT;
  ctx.keyring.sweep(ctx.scope.now);
  const rows = ctx.keyring.store.listKeys(ctx.scope.account, ctx.scope.region, after, limit + 1);
  const truncated = rows.length > limit;
  const keys = rows.slice(0, limit).map((k) => ({ KeyId: k.keyId, KeyArn: k.arn }));
  return truncated
    ? { Keys: keys, NextMarker: encodeMarker(keys[keys.length - 1]!.KeyId), Truncated: true }
    : { Keys: keys, Truncated: false };
}

function setState(ctx: OpContext, key: KeyRecord, state: 'Enabled' | 'Disabled'): void {
  requireEnabledOrDisabled(key);
  if (key.state === state) return;
  ctx.keyring.update(key.keyId, (k) => {
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
  const key = managedKey(ctx, input.KeyId, 'EnableKey');
  requireCustomerManaged(ctx, key, 'EnableKey');
  setState(ctx, key, 'Enabled');
  return {};
}

export function disableKey(input: DisableKeyRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'DisableKey');
  requireCustomerManaged(ctx, key, 'DisableKey');
  setState(ctx, key, 'Disabled');
  return {};
}

export function updateKeyDescription(input: UpdateKeyDescriptionRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'UpdateKeyDescription');
  requireCustomerManaged(ctx, key, 'UpdateKeyDescription');
  requireNotPendingDeletion(key);
  ctx.keyring.update(key.keyId, (k) => {
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
  const key = managedKey(ctx, input.KeyId, 'ScheduleKeyDeletion');
  requireCustomerManaged(ctx, key, 'ScheduleKeyDeletion');
  if (key.state === 'PendingDeletion') throw invalidState(key);
  const deletionDate = ctx.scope.now + days * DAY_MS;
  const updated = ctx.keyring.update(key.keyId, (k) => {
    if (k.state === 'PendingDeletion') throw invalidState(k);
    k.state = 'PendingDeletion';
    k.deletionDate = deletionDate;
    k.pendingWindowInDays = days;
  })!;
  return {
    KeyId: updated.arn,
    DeletionDate: epochSeconds(deletionDate),
    KeyState: 'PendingDeletion',
    PendingWindowInDays: days,
  };
}

export function cancelKeyDeletion(input: CancelKeyDeletionRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'CancelKeyDeletion');
  requireCustomerManaged(ctx, key, 'CancelKeyDeletion');
  const notPending = (k: KeyRecord) =>
    k.state !== 'PendingDeletion' ? new KMSInvalidStateException(keyMsg.notPendingDeletion(k.arn)) : undefined;
  const refused = notPending(key);
  if (refused) throw refused;
  ctx.keyring.update(key.keyId, (k) => {
    const again = notPending(k);
    if (again) throw again;
    k.state = ctx.faults.has('cancel-enables') ? 'Enabled' : 'Disabled';
    k.deletionDate = null;
    k.pendingWindowInDays = null;
  });
  return { KeyId: key.arn };
}

