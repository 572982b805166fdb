/**
 * GetParametersForImport, ImportKeyMaterial, DeleteImportedKeyMaterial. On-demand rotation of
 * imported key material (RotateKeyOnDemand and ListKeyRotations of symmetric EXTERNAL keys) is
 * ./imported-rotation.ts, which needs none of the import crypto.
 * The crypto (wrapping keys, unwrapping, material checks, the import token) is hsm/import.ts and
 * hsm/import-token.ts; the per-material records and rules are keys/imported-material.ts.
 *
 * Answers and their sources (service model docs unless noted; messages INFERRED unless noted):
 * - Not an EXTERNAL key: UnsupportedOperationException `<arn> origin is <Origin> which is not valid
 *   for this operation.` (recorded for GetParametersForImport on an AWS_KMS key: LS-SNAP
 *   test_get_parameters_for_import, 2023-10-25; KS-OLD [6]/[9]).
 * - Key states (KS-OLD table, aws-observed.md §2.2): PendingImport, Enabled and Disabled keys take
 *   parameters and material (re-import); PendingDeletion → KMSInvalidStateException [8] for
 *   GetParametersForImport / ImportKeyMaterial; DeleteImportedKeyMaterial is allowed and leaves a
 *   key pending deletion in that state (model doc). Creating replicas, PendingReplicaDeletion →
 *   KMSInvalidStateException.
 * - ExpirationModel defaults to KEY_MATERIAL_EXPIRES; then ValidTo is required: ValidationException
 *   `A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES` (LS-TEST
 *   test_import_key_symmetric "import-expiring-key-without-valid-to", validated against AWS);
 *   ValidTo with KEY_MATERIAL_DOES_NOT_EXPIRE, in the past, or more than 365 days out (model doc
 *   of ValidTo) → ValidationException.
 * - Import token: another key's, tampered or foreign → InvalidImportTokenException; past its 24 h
 *   (server clock) → ExpiredImportTokenException (import-token.ts). Material that does not decrypt
 *   → InvalidCiphertextException (no message); material that does not fit the key spec, or is not
 *   the material previously imported, or is new material already associated with the key →
 *   IncorrectKeyMaterialException (model doc of the exception).
 * - Multi-material (symmetric keys, since 2025-06-05): ImportType defaults to NEW_KEY_MATERIAL for
 *   the first import, EXISTING_KEY_MATERIAL after; KeyMaterialId with NEW_KEY_MATERIAL →
 *   ValidationException; a second NEW material while one is pending rotation →
 *   KMSInvalidStateException `New key material (id: …) cannot be imported into KMS key <arn>,
 *   because another key material (id: …) is pending rotation.` (localstack's provider, whose test
 *   is validated against AWS). ImportType, KeyMaterialId and KeyMaterialDescription on asymmetric
 *   and HMAC keys ("only usable with symmetric encryption keys") → ValidationException; new material
 *   for them ("you cannot change the key material after the initial import") →
 *   IncorrectKeyMaterialException. RotateKeyOnDemand without material PENDING_ROTATION →
 *   KMSInvalidStateException. Rotation of imported material of multi-Region keys is not offered
 *   (UnsupportedOperationException, as AWS answered before 2025-06-05).
 *
 * @module
 */
import {
  IncorrectKeyMaterialException,
  KMSInvalidStateException,
  NotFoundException,
  UnsupportedOperationException,
  ValidationException,
} from '../errors.js';
import {
  checkWrappingParameters,
  generateWrappingKeyPairAsync,
  unwrapKeyMaterial,
  validateImportedKeyMaterial,
  wrappingAlgorithmSupports,
} from '../hsm/import.js';
import { openImportToken, sealImportToken } from '../hsm/import-token.js';
import {
  importedMaterialId,
  materialOfVersion,
  pendingRotationMaterial,
  stateAfterMaterialChange,
} from '../keys/imported-material.js';
import { invalidState } from '../keys/key-state.js';
import { isMultiRegion, isPrimary } from '../keys/multi-region.js';
import { DAY_MS, epochSeconds, storeKeyId, type ExpirationModel, type ImportedMaterial, type KeyRecord } from '../records/key-records.js';
import type {
  DeleteImportedKeyMaterialRequest,
  GetParametersForImportRequest,
  ImportKeyMaterialRequest,
  KeySpec,
} from '../../common/model/schemas.js';
import { Blob64, jsonObject } from '../reply/json-text.js';
import type { OpContext } from './context.js';
import { customerManagedKey } from './guards.js';
import { rotationMsg } from './operation-messages.js';

/** ValidTo may be at most this far ahead (model doc: "The maximum value is 365 days from the request date"). */
export const MAX_VALID_TO_MS = 365 * DAY_MS;

export const importMsg = {
  validToRequired: 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES',
  validToNotAllowed: 'The parameter ValidTo cannot be specified for a key with an expiration model of KEY_MATERIAL_DOES_NOT_EXPIRE',
  validToInPast: 'ValidTo must be in the future',
  validToTooFar: 'ValidTo must be no more than 365 days in the future',
  materialIdWithNew: 'KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL',
  symmetricOnly: (member: string) => `${member} is only valid for symmetric encryption KMS keys`,
  notSameMaterial: 'The key material does not match the key material previously imported into this KMS key.',
  alreadyAssociated: (id: string) => `Key material ${id} is already associated with this KMS key.`,
  materialIdMismatch: 'The KeyMaterialId does not identify the key material being imported.',
  pendingRotation: (newId: string, arn: string, pendingId: string) =>
    `New key material (id: ${newId}) cannot be imported into KMS key ${arn}, because another key material (id: ${pendingId}) is pending rotation.`,
  replicaNewMaterial: (arn: string) => `New key material must be imported into the primary key of multi-Region key ${arn}.`,
  wrappingNotForSpec: (algorithm: string, keySpec: string) => `The wrapping algorithm ${algorithm} cannot be used to import key material for key spec ${keySpec}.`,
  materialNotFound: (id: string, arn: string) => `Key material ${id} is not associated with KMS key ${arn}.`,
} as const;

const SYMMETRIC = 'SYMMETRIC_DEFAULT';

/** The EXTERNAL key a call names, in a state that takes import parameters or material. */
function importKey(ctx: OpContext, keyIdText: string, operation: string, allowPendingDeletion: boolean): KeyRecord {
  const key = customerManagedKey(ctx, keyIdText, operation);
  if (key.origin !== 'EXTERNAL') throw new UnsupportedOperationException(rotationMsg.externalOrigin(key.arn, key.origin));
  const ok = key.state === 'Enabled' || key.state === 'Disabled' || key.state === 'PendingImport' || (allowPendingDeletion && key.state === 'PendingDeletion');
  if (!ok) throw invalidState(key);
  return key;
}

export async function getParametersForImport(input: GetParametersForImportRequest, ctx: OpContext): Promise<object> {
  const key = importKey(ctx, input.KeyId, 'GetParametersForImport', false);
  checkWrappingParameters(input.WrappingAlgorithm, input.WrappingKeySpec);
  if (!wrappingAlgorithmSupports(key.keySpec as KeySpec, input.WrappingAlgorithm, input.WrappingKeySpec)) {
    throw new UnsupportedOperationException(importMsg.wrappingNotForSpec(input.WrappingAlgorithm, key.keySpec));
  }
  const pair = await generateWrappingKeyPairAsync(input.WrappingKeySpec, ctx.keyring.keyPairs);
  const { token, expiresAt } = sealImportToken(ctx.keyring.importTokenKey, {
    keyArn: key.arn,
    wrappingAlgorithm: input.WrappingAlgorithm,
    wrappingKeySpec: input.WrappingKeySpec,
    wrappingPrivateKey: pair.privateKey,
    now: ctx.scope.now,
  });
  pair.privateKey.fill(0);
  return jsonObject({ KeyId: key.arn, ImportToken: new Blob64(token), PublicKey: new Blob64(pair.publicKey), ParametersValidTo: epochSeconds(expiresAt) });
}

/** ExpirationModel and ValidTo of an import, checked. */
function expirationOfImport(input: ImportKeyMaterialRequest, now: number): { expirationModel: ExpirationModel; validTo: number | null } {
  const expirationModel: ExpirationModel = input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES';
  const validTo = input.ValidTo === undefined ? null : input.ValidTo.getTime();
  if (expirationModel === 'KEY_MATERIAL_EXPIRES') {
    if (validTo === null) throw new ValidationException(importMsg.validToRequired);
    if (!(validTo > now)) throw new ValidationException(importMsg.validToInPast);
    if (validTo > now + MAX_VALID_TO_MS) throw new ValidationException(importMsg.validToTooFar);
  } else if (validTo !== null) {
    throw new ValidationException(importMsg.validToNotAllowed);
  }
  return { expirationModel, validTo };
}

export function importKeyMaterial(input: ImportKeyMaterialRequest, ctx: OpContext): object {
  const key = importKey(ctx, input.KeyId, 'ImportKeyMaterial', false);
  const symmetric = key.keySpec === SYMMETRIC;
  if (!symmetric) {
    for (const member of ['ImportType', 'KeyMaterialId', 'KeyMaterialDescription'] as const) {
      if (input[member] !== undefined) throw new ValidationException(importMsg.symmetricOnly(member));
    }
  }
  if (input.ImportType === 'NEW_KEY_MATERIAL' && input.KeyMaterialId !== undefined) throw new ValidationException(importMsg.materialIdWithNew);
  const expiration = expirationOfImport(input, ctx.scope.now);
  const token = openImportToken(ctx.keyring.importTokenKey, input.ImportToken, { keyArn: key.arn, now: ctx.scope.now });
  let unwrapped: Buffer | undefined;
  let stored: Buffer;
  try {
    unwrapped = unwrapKeyMaterial({ wrappingPrivateKey: token.wrappingPrivateKey, wrappingAlgorithm: token.wrappingAlgorithm, encryptedKeyMaterial: input.EncryptedKeyMaterial });
    const checked = validateImportedKeyMaterial(key.keySpec as KeySpec, unwrapped);
    // Asymmetric keys keep their private key (PKCS#8 DER) as the backing key, as generated ones do.
    stored = Buffer.isBuffer(checked) ? checked : checked.privateKey;
  } finally {
    token.wrappingPrivateKey.fill(0);
    unwrapped?.fill(0);
  }
  try {
    const materialId = importedMaterialId(key.keyId, stored);
    if (input.KeyMaterialId !== undefined && input.KeyMaterialId !== materialId) throw new IncorrectKeyMaterialException(importMsg.materialIdMismatch);
    let imported: ImportedMaterial | undefined;
    ctx.keyring.update(key, (k) => {
      imported = placeMaterial(ctx, k, materialId, input, expiration);
      ctx.keyring.putMaterial(k, imported.version, stored, ctx.scope.now, null);
      if (k.currentVersion === 0) k.currentVersion = imported.version;
      k.state = stateAfterMaterialChange(k);
    });
    ctx.audit.resources = [key.arn];
    return symmetric ? { KeyId: key.arn, KeyMaterialId: imported!.materialId } : { KeyId: key.arn };
  } finally {
    stored.fill(0);
  }
}

/**
 * Finds or makes the material entry an import fills (inside the key's update); returns it.
 * @throws IncorrectKeyMaterialException / KMSInvalidStateException / UnsupportedOperationException per the rules above.
 */
function placeMaterial(
  ctx: OpContext,
  k: KeyRecord,
  materialId: string,
  input: ImportKeyMaterialRequest,
  expiration: { expirationModel: ExpirationModel; validTo: number | null },
): ImportedMaterial {
  const materials = (k.materials ??= []);
  // A replica's first import must be the material of its primary.
  const known = materials.length > 0 ? materials : primaryMaterials(ctx, k);
  const importType = input.ImportType ?? (known.length === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
  const fill = (m: ImportedMaterial): ImportedMaterial => {
    m.imported = true;
    m.expirationModel = expiration.expirationModel;
    m.validTo = expiration.validTo;
    if (input.KeyMaterialDescription !== undefined) m.description = input.KeyMaterialDescription;
    return m;
  };
  if (importType === 'EXISTING_KEY_MATERIAL' || (known.length > 0 && materials.length === 0)) {
    const match = known.find((m) => m.materialId === materialId);
    if (!match) throw new IncorrectKeyMaterialException(importMsg.notSameMaterial);
    const own = materials.find((m) => m.version === match.version) ?? (materials.push({ ...match, imported: false }), materials.at(-1)!);
    return fill(own);
  }
  // NEW_KEY_MATERIAL after the first import: a new material for on-demand rotation.
  if (materials.length === 0) {
    const first: ImportedMaterial = { version: 1, materialId, imported: false, pendingRotation: false, expirationModel: null, validTo: null, rotatedAt: null };
    materials.push(first);
    return fill(first);
  }
  if (k.keySpec !== SYMMETRIC) throw new IncorrectKeyMaterialException(importMsg.notSameMaterial);
  if (isMultiRegion(k) && !isPrimary(k)) throw new UnsupportedOperationException(importMsg.replicaNewMaterial(k.arn));
  if (materials.some((m) => m.materialId === materialId)) throw new IncorrectKeyMaterialException(importMsg.alreadyAssociated(materialId));
  const pending = pendingRotationMaterial(k);
  if (pending) throw new KMSInvalidStateException(importMsg.pendingRotation(materialId, k.arn, pending.materialId));
  const version = Math.max(k.currentVersion, ...materials.map((m) => m.version)) + 1;
  const next: ImportedMaterial = { version, materialId, imported: false, pendingRotation: true, expirationModel: null, validTo: null, rotatedAt: null };
  materials.push(next);
  return fill(next);
}

/** The material entries of a replica's primary (what its first import must match). */
function primaryMaterials(ctx: OpContext, k: KeyRecord): ImportedMaterial[] {
  if (!isMultiRegion(k) || isPrimary(k) || !k.primaryRegion) return [];
  const primary = ctx.keyring.byId(storeKeyId(k.primaryRegion, k.keyId), ctx.scope.now);
  return (primary?.materials ?? []).filter((m) => !m.pendingRotation);
}

export function deleteImportedKeyMaterial(input: DeleteImportedKeyMaterialRequest, ctx: OpContext): object {
  const key = importKey(ctx, input.KeyId, 'DeleteImportedKeyMaterial', true);
  const target =
    input.KeyMaterialId !== undefined
      ? key.materials?.find((m) => m.materialId === input.KeyMaterialId)
      : materialOfVersion(key, key.currentVersion);
  if (input.KeyMaterialId !== undefined && !target) throw new NotFoundException(importMsg.materialNotFound(input.KeyMaterialId, key.arn));
  ctx.audit.resources = [key.arn];
  if (!target) return { KeyId: key.arn }; // PendingImport, nothing imported yet: no effect
  ctx.keyring.update(key, (k) => {
    const m = k.materials?.find((x) => x.version === target.version);
    if (!m) return;
    ctx.keyring.dropMaterial(k, m.version);
    if (m.pendingRotation) {
      // Not associated with the key: it goes away.
      k.materials = k.materials!.filter((x) => x !== m);
    } else {
      m.imported = false;
      m.expirationModel = null;
      m.validTo = null;
    }
    k.state = stateAfterMaterialChange(k);
  });
  return key.keySpec === SYMMETRIC ? { KeyId: key.arn, KeyMaterialId: target.materialId } : { KeyId: key.arn };
}
