/**
 * KeyMetadata as DescribeKey, CreateKey and friends return it.
 *
 * @module
 */
import type { Keyring } from '../keys/keyring.js';
import { algorithmsFor } from '../hsm/key-specs.js';
import { epochSeconds, type KeyRecord } from '../records/key-records.js';
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
  m.KeyManager = key.keyManager;
  m.CustomerMasterKeySpec = key.keySpec;
  m.KeySpec = key.keySpec;
  // Only the list of the key's usage (aws-observed.md §4.1; hsm/key-specs.ts).
  Object.assign(m, algorithmsFor(key.keySpec as KeySpec, key.keyUsage));
  m.MultiRegion = false;
  // PendingDeletionWindowInDays is only present for multi-Region keys in PendingReplicaDeletion.
  if (key.keySpec === 'SYMMETRIC_DEFAULT' && key.currentVersion > 0) {
    m.CurrentKeyMaterialId = keyring.materialId(key, key.currentVersion);
  }
  return m;
}
