/**
 * KeyMetadata as DescribeKey, CreateKey and friends return it.
 *
 * @module
 */
import type { Keyring } from '../keys/keyring.js';
import { algorithmsFor } from '../hsm/key-specs.js';
import { epochSeconds, type KeyRecord } from '../records/key-records.js';
import { expirationOf } from '../keys/imported-material.js';
import { isMultiRegion, multiRegionConfiguration } from '../keys/multi-region.js';
import type { KeySpec } from '../../common/model/schemas.js';

export function keyMetadata(key: KeyRecord, keyring: Keyring): Record<string, unknown> {
  const m: Record<string, unknown> = {
    AWSAccountId: key.account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epochSeconds(key.createdAt),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
  };
  if (key.state === 'PendingDeletion' && key.deletionDate !== null) m.DeletionDate = epochSeconds(key.deletionDate);
  m.Origin = key.origin;
  if (key.customKeyStore) {
    m.CustomKeyStoreId = key.customKeyStore.id;
    if (key.customKeyStore.clusterId !== undefined) m.CloudHsmClusterId = key.customKeyStore.clusterId;
  }
  m.KeyManager = key.keyManager;
  m.CustomerMasterKeySpec = key.keySpec;
  m.KeySpec = key.keySpec;
  // Only the list of the key's usage (aws-observed.md §4.1; hsm/key-specs.ts).
  Object.assign(m, algorithmsFor(key.keySpec as KeySpec, key.keyUsage));
  Object.assign(m, importedMaterialMetadata(key), multiRegionMetadata(key, keyring));
  if (key.customKeyStore?.xksKeyId !== undefined) m.XksKeyConfiguration = { Id: key.customKeyStore.xksKeyId };
  if (key.keySpec === 'SYMMETRIC_DEFAULT' && key.currentVersion > 0 && !key.customKeyStore) {
    m.CurrentKeyMaterialId = keyring.materialId(key, key.currentVersion);
  }
  return m;
}

/** ExpirationModel and ValidTo: EXTERNAL keys with imported material only (aws-observed.md §3 L6–L8). */
function importedMaterialMetadata(key: KeyRecord): Record<string, unknown> {
  if (key.origin !== 'EXTERNAL') return {};
  const { expirationModel, validTo } = expirationOf(key);
  const m: Record<string, unknown> = {};
  if (expirationModel) m.ExpirationModel = expirationModel;
  if (validTo !== undefined) m.ValidTo = epochSeconds(validTo);
  return m;
}

/**
 * MultiRegion, MultiRegionConfiguration (multi-Region keys only) and PendingDeletionWindowInDays
 * ("present only when the KeyState of the KMS key is PendingReplicaDeletion").
 */
function multiRegionMetadata(key: KeyRecord, keyring: Keyring): Record<string, unknown> {
  if (!isMultiRegion(key)) return { MultiRegion: false };
  const m: Record<string, unknown> = { MultiRegion: true, MultiRegionConfiguration: multiRegionConfiguration(key, keyring.related(key)) };
  if (key.state === 'PendingReplicaDeletion' && key.pendingReplicaWindowInDays != null) m.PendingDeletionWindowInDays = key.pendingReplicaWindowInDays;
  return m;
}
