/**
 * On-demand rotation of imported key material: RotateKeyOnDemand and ListKeyRotations of
 * symmetric EXTERNAL keys (the material imported PENDING_ROTATION becomes current). Sources and
 * answers are listed in ./import.ts, which imports the material; rotating it needs none of the
 * import crypto, so the rotation handlers load without it.
 *
 * @module
 */
import { KMSInvalidStateException, LimitExceededException, UnsupportedOperationException } from '../errors.js';
import { importedRotationFields, pendingRotationMaterial } from '../keys/imported-material.js';
import { invalidState } from '../keys/key-state.js';
import { isMultiRegion } from '../keys/multi-region.js';
import { epochSeconds, type ImportedMaterial, type KeyRecord } from '../records/key-records.js';
import type { OpContext } from './context.js';
import { rotationMsg } from './operation-messages.js';

const SYMMETRIC = 'SYMMETRIC_DEFAULT';
const noPendingRotation = (arn: string): string => `${arn} has no imported key material pending rotation.`;

/** Whether RotateKeyOnDemand / ListKeyRotations treat `key` as a key with imported material. */
export const rotatesImportedMaterial = (key: KeyRecord): boolean => key.origin === 'EXTERNAL' && key.keySpec === SYMMETRIC;

/**
 * RotateKeyOnDemand of a symmetric EXTERNAL key: the material imported PENDING_ROTATION becomes
 * current. The caller has checked Disabled and that the key is customer managed.
 */
export function rotateImportedOnDemand(key: KeyRecord, ctx: OpContext, limit: number): object {
  if (isMultiRegion(key)) throw new UnsupportedOperationException(rotationMsg.externalOrigin(key.arn, key.origin));
  if (key.state !== 'Enabled') throw invalidState(key);
  const check = (k: KeyRecord): ImportedMaterial => {
    if (k.onDemandRotations >= limit) throw new LimitExceededException(rotationMsg.onDemandLimit(k.arn));
    const pending = pendingRotationMaterial(k);
    if (!pending || !pending.imported) throw new KMSInvalidStateException(noPendingRotation(k.arn));
    return pending;
  };
  check(key);
  ctx.keyring.update(key, (k) => {
    const pending = check(k);
    pending.pendingRotation = false;
    pending.rotatedAt = ctx.scope.now;
    k.currentVersion = pending.version;
    k.onDemandRotations++;
  });
  return { KeyId: key.arn };
}

/** ListKeyRotations entries of a symmetric EXTERNAL key, in version order. */
export function importedRotationEntries(key: KeyRecord, all: boolean): Array<{ version: number; entry: Record<string, unknown> }> {
  return (key.materials ?? [])
    .filter((m) => all || m.rotatedAt !== null)
    .sort((a, b) => a.version - b.version)
    .map((m) => {
      const entry: Record<string, unknown> = {
        KeyId: key.keyId,
        KeyMaterialId: m.materialId,
        ...importedRotationFields(m),
        KeyMaterialState: m.pendingRotation ? 'PENDING_ROTATION' : m.version === key.currentVersion ? 'CURRENT' : 'NON_CURRENT',
      };
      if (m.rotatedAt !== null) {
        entry.RotationDate = epochSeconds(m.rotatedAt);
        entry.RotationType = 'ON_DEMAND';
      }
      return { version: m.version, entry };
    });
}
