/**
 * The records the reference server keeps: KMS keys, their backing-key versions and aliases.
 * Times are epoch milliseconds on the server's controllable clock. The store keeps them, the
 * keyring resolves and changes them, the handlers answer with them: this folder sits below all
 * three and imports nothing of the server (only common/).
 *
 * @module
 */

export type KeyState =
  | 'Creating'
  | 'Enabled'
  | 'Disabled'
  | 'PendingDeletion'
  | 'PendingImport'
  | 'PendingReplicaDeletion'
  | 'Unavailable'
  | 'Updating';

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
export type KeyManager = 'AWS' | 'CUSTOMER';
export type Origin = 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';

export interface Tag {
  TagKey: string;
  TagValue: string;
}

export interface KeyRecord {
  keyId: string;
  account: string;
  region: string;
  arn: string;
  createdAt: number;
  description: string;
  keyUsage: KeyUsage;
  keySpec: string;
  origin: Origin;
  keyManager: KeyManager;
  state: KeyState;
  /** When a PendingDeletion key is deleted. */
  deletionDate: number | null;
  pendingWindowInDays: number | null;
  /** The key policy document, as the client sent it (or the default). */
  policy: string;
  rotationEnabled: boolean;
  /** Automatic rotation period; kept when rotation is disabled so re-enabling restores it. */
  rotationPeriodInDays: number | null;
  nextRotationAt: number | null;
  /** Start of the latest on-demand rotation. */
  onDemandRotationStartedAt: number | null;
  onDemandRotations: number;
  tags: Tag[];
  /** Version of the backing key that new ciphertext uses. */
  currentVersion: number;
  /**
   * Where the backing keys live (backing_keys.key_id) when not under `keyId`: a Region's own
   * store id for keys whose material is per Region (imported material of multi-Region keys; the
   * `replica-own-material` fault). Absent for nearly every key.
   */
  materialOwner?: string;
  /** Multi-Region keys (`mrk-` ids) only: the Region of the primary key of the set. */
  primaryRegion?: string;
  /**
   * A replica in the Creating state becomes `readyState` at `readyAt` (server clock): ReplicateKey
   * answers Creating, as AWS does, and the replica is usable a moment later (keys/multi-region.ts).
   */
  readyAt?: number | null;
  readyState?: KeyState | null;
  /** A primary in PendingReplicaDeletion: the window it waits with once its last replica is gone. */
  pendingReplicaWindowInDays?: number | null;
  /** Imported key material (Origin EXTERNAL), one entry per backing-key version (keys/imported-material.ts). */
  materials?: ImportedMaterial[];
  /**
   * Keys in a custom key store (Origin AWS_CLOUDHSM / EXTERNAL_KEY_STORE): the store and the key
   * behind the KMS key (the cluster key is labelled with the key id; an external key store's key
   * also has a KMS-side inner key, kept as backing key version 1).
   */
  customKeyStore?: StoreKeyLink;
}

export interface StoreKeyLink {
  id: string;
  type: 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  clusterId?: string;
  xksKeyId?: string;
}

export type ExpirationModel = 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';

/** One imported key material of an EXTERNAL key; its sealed bytes are the backing key of `version`. */
export interface ImportedMaterial {
  version: number;
  /** `KeyMaterialId`: derived from the key id and the material (64 hex digits). */
  materialId: string;
  /** False once deleted (DeleteImportedKeyMaterial, expiry): the id stays, the bytes are gone. */
  imported: boolean;
  /** Imported for on-demand rotation and not yet current (PENDING_ROTATION). */
  pendingRotation: boolean;
  expirationModel: ExpirationModel | null;
  /** Server-clock ms when the material is deleted (KEY_MATERIAL_EXPIRES). */
  validTo: number | null;
  description?: string;
  /** When it became current through RotateKeyOnDemand (null for the first material). */
  rotatedAt: number | null;
}

export type RotationType = 'AUTOMATIC' | 'ON_DEMAND';

export interface BackingKeyRecord {
  keyId: string;
  version: number;
  /** Backing key material sealed under the master key; never stored in plaintext. */
  sealed: Buffer;
  createdAt: number;
  /** How this version came to be: null for the key's first material. */
  rotationType: RotationType | null;
}

export interface AliasRecord {
  account: string;
  region: string;
  /** `alias/...` */
  name: string;
  targetKeyId: string | null;
  createdAt: number;
  updatedAt: number;
}

export const DAY_MS = 86_400_000;

/** Multi-Region key ids: `mrk-` and 32 hex digits. */
export const isMultiRegionKeyId = (keyId: string): boolean => keyId.startsWith('mrk-');

/**
 * The store's id of a key record: the key id, except for multi-Region keys, whose primary and
 * replicas share one key id: theirs is `<key id>@<Region>`. Aliases point at store ids.
 */
export const storeKeyId = (region: string, keyId: string): string => (isMultiRegionKeyId(keyId) ? `${keyId}@${region}` : keyId);

/** The store id of a key record. */
export const storeIdOf = (key: Pick<KeyRecord, 'keyId' | 'region'>): string => storeKeyId(key.region, key.keyId);

/** The key id of a store id (drops the Region of a multi-Region key's record). */
export const keyIdOfStoreId = (storeId: string): string => {
  const at = storeId.indexOf('@');
  return at < 0 ? storeId : storeId.slice(0, at);
};

/** Where a key's backing keys are stored (backing_keys.key_id). */
export const materialOwnerOf = (key: Pick<KeyRecord, 'keyId' | 'materialOwner'>): string => key.materialOwner ?? key.keyId;

import { partitionOf } from '../../common/partition.js';

export { partitionOf };

export const keyArn = (region: string, account: string, keyId: string): string =>
  `arn:${partitionOf(region)}:kms:${region}:${account}:key/${keyId}`;

export const aliasArn = (region: string, account: string, aliasName: string): string =>
  `arn:${partitionOf(region)}:kms:${region}:${account}:${aliasName}`;

/** Seconds since the epoch, as AWS JSON 1.1 timestamps are sent. */
export const epochSeconds = (ms: number): number => ms / 1000;
