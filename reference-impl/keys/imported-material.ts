/**
 * Imported key material (Origin EXTERNAL) as the key record keeps it: one {@link ImportedMaterial}
 * per backing-key version, and the rules that follow from it. Pure functions over records; the
 * keyring and ops/import.ts do the writing.
 *
 * Facts (service model docs of ImportKeyMaterial, DeleteImportedKeyMaterial, RotateKeyOnDemand,
 * ListKeyRotations, RotationsListEntry and KeyMetadata, spec/kms-2014-11-01.service-2.json):
 * - "KMS assigns a unique identifier to the key material based on the KMS key ID and the imported
 *   key material": {@link importedMaterialId} is SHA-256 over a label, the key id and the bytes,
 *   so the same material re-imported gets the same id, and the primary and replicas of a
 *   multi-Region key agree on it.
 * - "For symmetric encryption keys, you will need to import all of the key materials associated
 *   with the KMS key to change its state to Enabled": a key with any material not imported (other
 *   than one pending rotation) is PendingImport ({@link stateAfterMaterialChange}).
 * - Expiry: "If you set an expiration date, KMS deletes the key material from the KMS key on the
 *   specified date, making the KMS key unusable"; DeleteImportedKeyMaterial "When the specified KMS
 *   key is in the PendingDeletion state, this operation does not change the KMS key's state.
 *   Otherwise, it changes the KMS key's state to PendingImport" — expiry is applied the same way.
 * - KeyMetadata.ExpirationModel "present only when Origin is EXTERNAL" (absent before the first
 *   import and after the material is deleted: aws-observed.md §3 L6–L8); ValidTo "the earliest time
 *   at which any imported key material permanently associated with this KMS key expires".
 * - Key material in PENDING_ROTATION "is not permanently associated with the KMS key. You can
 *   delete this key material and import different key material in its place."
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { ExpirationModel, ImportedMaterial, KeyRecord, KeyState } from '../records/key-records.js';

/** `KeyMaterialId` of imported material: 64 lower-case hex digits, from the key id and the bytes. */
export function importedMaterialId(keyId: string, material: Uint8Array): string {
  return createHash('sha256').update('kmsbench-imported-key-material\u0000').update(keyId).update('\u0000').update(material).digest('hex');
}

/** Materials permanently associated with the key (everything but one pending rotation). */
export const associatedMaterials = (key: Pick<KeyRecord, 'materials'>): ImportedMaterial[] =>
  (key.materials ?? []).filter((m) => !m.pendingRotation);

export const materialOfVersion = (key: Pick<KeyRecord, 'materials'>, version: number): ImportedMaterial | undefined =>
  key.materials?.find((m) => m.version === version);

export const pendingRotationMaterial = (key: Pick<KeyRecord, 'materials'>): ImportedMaterial | undefined =>
  key.materials?.find((m) => m.pendingRotation);

/** Whether every permanently associated material is imported (and there is at least one). */
export function allMaterialImported(key: Pick<KeyRecord, 'materials'>): boolean {
  const associated = associatedMaterials(key);
  return associated.length > 0 && associated.every((m) => m.imported);
}

/**
 * The key state after its materials changed (import, deletion, expiry): PendingImport while any
 * associated material is missing; back to Enabled from PendingImport once all are imported;
 * states that are not about material (PendingDeletion, Disabled, ...) are kept.
 */
export function stateAfterMaterialChange(key: Pick<KeyRecord, 'materials' | 'state'>): KeyState {
  const complete = allMaterialImported(key);
  if (key.state === 'PendingImport') return complete ? 'Enabled' : 'PendingImport';
  if (!complete && (key.state === 'Enabled' || key.state === 'Disabled')) return 'PendingImport';
  return key.state;
}

/** KeyMetadata's ExpirationModel and ValidTo of an EXTERNAL key (both absent when nothing is imported). */
export function expirationOf(key: Pick<KeyRecord, 'materials'>): { expirationModel?: ExpirationModel; validTo?: number } {
  const imported = associatedMaterials(key).filter((m) => m.imported);
  if (imported.length === 0) return {};
  const expiring = imported.filter((m) => m.expirationModel === 'KEY_MATERIAL_EXPIRES' && m.validTo !== null);
  if (expiring.length === 0) return { expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' };
  return { expirationModel: 'KEY_MATERIAL_EXPIRES', validTo: Math.min(...expiring.map((m) => m.validTo!)) };
}

/**
 * Marks every imported material whose ValidTo is at or before `now` as deleted and updates the
 * state; returns the versions whose sealed bytes the caller must delete (none: nothing changed).
 */
export function expireMaterials(key: KeyRecord, now: number): number[] {
  const expired: number[] = [];
  const kept: ImportedMaterial[] = [];
  for (const m of key.materials ?? []) {
    if (m.imported && m.validTo !== null && m.validTo <= now) {
      expired.push(m.version);
      // A material pending rotation is not associated with the key: it simply goes away.
      if (!m.pendingRotation) kept.push({ ...m, imported: false, expirationModel: null, validTo: null });
    } else {
      kept.push(m);
    }
  }
  if (expired.length === 0) return expired;
  key.materials = kept;
  key.state = stateAfterMaterialChange(key);
  return expired;
}

/** The ListKeyRotations members that describe an imported material (symmetric EXTERNAL keys). */
export function importedRotationFields(m: ImportedMaterial): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (m.description !== undefined) out.KeyMaterialDescription = m.description;
  out.ImportState = m.imported ? 'IMPORTED' : 'PENDING_IMPORT';
  if (m.imported && m.expirationModel) out.ExpirationModel = m.expirationModel;
  if (m.imported && m.expirationModel === 'KEY_MATERIAL_EXPIRES' && m.validTo !== null) out.ValidTo = m.validTo / 1000;
  return out;
}
