/**
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand, ListKeyRotations.
 *
 * @module
 */
import { LimitExceededException, UnsupportedOperationException } from '../errors.js';
import { DEFAULT_ROTATION_PERIOD_DAYS } from '../keys/keyring.js';
import { requireEnabledForUse } from '../keys/key-state.js';
import { DAY_MS, epochSeconds, materialOwnerOf, type KeyRecord } from '../records/key-records.js';
import { importedRotationEntries, rotateImportedOnDemand, rotatesImportedMaterial } from './imported-rotation.js';
import type {
  DisableKeyRotationRequest,
  EnableKeyRotationRequest,
  GetKeyRotationStatusRequest,
  ListKeyRotationsRequest,
  RotateKeyOnDemandRequest,
} from '../../common/model/schemas.js';
import type { OpContext } from './context.js';
import { customerManagedKey, managedKey } from './guards.js';
import { rotationMsg } from './operation-messages.js';
import { page } from '../reply/pagination.js';

export const MAX_ON_DEMAND_ROTATIONS = 25;

/** Only symmetric encryption keys with KMS-generated material rotate (facts sheet). */
function requireRotatable(key: KeyRecord): void {
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') throw new UnsupportedOperationException(rotationMsg.unsupported);
  if (key.origin !== 'AWS_KMS') throw new UnsupportedOperationException(rotationMsg.externalOrigin(key.arn, key.origin));
}

/**
 * Key-state and key-type checks of EnableKeyRotation, DisableKeyRotation and RotateKeyOnDemand,
 * in AWS's order: a Disabled key is reported as disabled before its type is looked at
 * (aws-observed S6: Disabled RSA key → DisabledException); a key that cannot rotate is refused
 * before its other states, so an EXTERNAL key pending import gets "origin is EXTERNAL"
 * (KS-OLD [6]); PendingDeletion is "is pending deletion." (KS-OLD [3]).
 */
function requireRotationChangeAllowed(key: KeyRecord): void {
  if (key.state === 'Disabled') requireEnabledForUse(key);
  requireRotatable(key);
  requireEnabledForUse(key);
}

export function enableKeyRotation(input: EnableKeyRotationRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'EnableKeyRotation');
  requireRotationChangeAllowed(key);
  const period = input.RotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
  ctx.keyring.update(key, (k) => {
    const unchanged = k.rotationEnabled && k.rotationPeriodInDays === period;
    k.rotationEnabled = true;
    k.rotationPeriodInDays = period;
    if (!unchanged) k.nextRotationAt = ctx.scope.now + period * DAY_MS;
  });
  return {};
}

export function disableKeyRotation(input: DisableKeyRotationRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'DisableKeyRotation');
  requireRotationChangeAllowed(key);
  ctx.keyring.update(key, (k) => {
    k.rotationEnabled = false;
    k.nextRotationAt = null;
  });
  return {};
}

export function getKeyRotationStatus(input: GetKeyRotationStatusRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'GetKeyRotationStatus');
  // Asymmetric and HMAC keys never rotate: KMS answers rotation off rather than refusing
  // (aws-observed.md §8 R7; terraform-provider-aws reads GetKeyRotationStatus for every AWS_KMS
  // key, asymmetric and HMAC ones included, and fails on any error — yet manages such keys on AWS).
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' && key.origin === 'AWS_KMS') return { KeyRotationEnabled: false, KeyId: key.arn };
  // EXTERNAL keys: KS-OLD [6] (documented before imported material could rotate on demand; no
  // newer answer recorded).
  requireRotatable(key);
  // A key pending deletion reports rotation off; its setting comes back if deletion is cancelled.
  const enabled = key.rotationEnabled && key.state !== 'PendingDeletion';
  const out: Record<string, unknown> = { KeyRotationEnabled: enabled, KeyId: key.arn };
  if (enabled) {
    out.RotationPeriodInDays = key.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
    if (key.nextRotationAt !== null) out.NextRotationDate = epochSeconds(key.nextRotationAt);
  }
  return out;
}

export function rotateKeyOnDemand(input: RotateKeyOnDemandRequest, ctx: OpContext): object {
  const key = customerManagedKey(ctx, input.KeyId, 'RotateKeyOnDemand');
  // Imported material rotates on demand since 2025-06-05 (aws-observed.md §13).
  if (key.state === 'Disabled') requireEnabledForUse(key);
  if (rotatesImportedMaterial(key)) return rotateImportedOnDemand(key, ctx, MAX_ON_DEMAND_ROTATIONS);
  requireRotationChangeAllowed(key);
  const limit = (k: KeyRecord) => {
    if (k.onDemandRotations >= MAX_ON_DEMAND_ROTATIONS) throw new LimitExceededException(rotationMsg.onDemandLimit(k.arn));
  };
  limit(key);
  ctx.keyring.update(key, (k) => {
    limit(k);
    ctx.keyring.addBackingKey(k, ctx.scope.now, 'ON_DEMAND');
    k.onDemandRotations++;
  });
  return { KeyId: key.arn };
}

export function listKeyRotations(input: ListKeyRotationsRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'ListKeyRotations');
  const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL';
  if (rotatesImportedMaterial(key)) {
    const p = page(importedRotationEntries(key, all), (e) => String(e.version).padStart(10, '0'), input.Limit, input.Marker);
    const rotations = p.items.map((e) => e.entry);
    return p.truncated ? { Rotations: rotations, NextMarker: p.nextMarker, Truncated: true } : { Rotations: rotations, Truncated: false };
  }
  requireRotatable(key);
  const versions = ctx.keyring.store.listBackingKeys(materialOwnerOf(key)).filter((b) => all || b.rotationType !== null);
  const p = page(versions, (b) => String(b.version).padStart(10, '0'), input.Limit, input.Marker);
  const rotations = p.items.map((b) => {
    const entry: Record<string, unknown> = {
      KeyId: key.keyId,
      KeyMaterialId: ctx.keyring.materialId(key, b.version),
      KeyMaterialState: b.version === key.currentVersion ? 'CURRENT' : 'NON_CURRENT',
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    };
    if (b.rotationType !== null) {
      entry.RotationDate = epochSeconds(b.createdAt);
      entry.RotationType = b.rotationType;
    }
    return entry;
  });
  return p.truncated ? { Rotations: rotations, NextMarker: p.nextMarker, Truncated: true } : { Rotations: rotations, Truncated: false };
}
