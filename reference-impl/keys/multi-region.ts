/**
 * Multi-Region keys as records: a primary and its replicas share one `mrk-` key id, one record per
 * Region (store id `<key id>@<Region>`), and — for KMS-generated material — one set of backing
 * keys under the key id, so a ciphertext from one Region decrypts in another. Pure functions over
 * records; the keyring applies them.
 *
 * Facts (service model docs of CreateKey MultiRegion, ReplicateKey, UpdatePrimaryRegion,
 * ScheduleKeyDeletion and KeyMetadata, spec/kms-2014-11-01.service-2.json; aws-observed.md §3 L9):
 * - "They have the same key ID and key material. They also have the same key spec, key usage, key
 *   material origin, and automatic key rotation status. KMS automatically synchronizes these shared
 *   properties" ({@link SHARED_PROPERTIES}); policy, tags, aliases, description and key state are
 *   each record's own.
 * - ReplicateKey: "the new replica key has a transient key state of Creating. This key state
 *   changes to Enabled (or PendingImport) after a few seconds"; recorded on AWS: the ReplicateKey
 *   reply and an immediate DescribeKey both show `KeyState: Creating`, `Enabled: false`
 *   (LS-SNAP test_replicate_key, 2024-04-11). Here the replica is Creating for
 *   {@link REPLICA_CREATION_MS} of server clock (real time, or an AdvanceClock), then Enabled
 *   (PendingImport for imported material).
 * - MultiRegionConfiguration (LS-SNAP test_create_multi_region_key / test_replicate_key): the
 *   primary lists every replica in ReplicaKeys (`[]` when none); a replica shows the same
 *   PrimaryKey and ReplicaKeys lists, as recorded.
 * - A primary scheduled for deletion while it has replicas is PendingReplicaDeletion with
 *   PendingDeletionWindowInDays and no DeletionDate; "When the last of its replicas keys is deleted
 *   (not just scheduled), the key state of the primary key changes to PendingDeletion and its
 *   waiting period (PendingWindowInDays) begins."
 *
 * @module
 */
import { DAY_MS, isMultiRegionKeyId, materialOwnerOf, type KeyRecord } from '../records/key-records.js';

/** How long (server clock) a new replica stays in the Creating state. */
export const REPLICA_CREATION_MS = 1000;

export const isMultiRegion = (key: Pick<KeyRecord, 'keyId'>): boolean => isMultiRegionKeyId(key.keyId);

export const isPrimary = (key: Pick<KeyRecord, 'keyId' | 'region' | 'primaryRegion'>): boolean =>
  isMultiRegion(key) && key.primaryRegion === key.region;

/** The properties KMS keeps equal across a multi-Region key's records. */
const SHARED_PROPERTIES = ['rotationEnabled', 'rotationPeriodInDays', 'nextRotationAt', 'onDemandRotationStartedAt', 'onDemandRotations'] as const;

/**
 * Copies the shared properties of `from` onto a related record `to`. The current material version
 * is shared only where the two share material (it is each Region's own for imported material and
 * under the `replica-own-material` fault). Returns whether anything changed.
 */
export function shareProperties(from: KeyRecord, to: KeyRecord): boolean {
  let changed = false;
  for (const p of SHARED_PROPERTIES) {
    if (to[p] !== from[p]) {
      (to as unknown as Record<string, unknown>)[p] = from[p];
      changed = true;
    }
  }
  if (to.primaryRegion !== from.primaryRegion) {
    to.primaryRegion = from.primaryRegion;
    changed = true;
  }
  if (materialOwnerOf(from) === materialOwnerOf(to) && to.currentVersion !== from.currentVersion) {
    to.currentVersion = from.currentVersion;
    changed = true;
  }
  return changed;
}

/** A replica past its creation moment takes its ready state. Returns whether it changed. */
export function applyReadiness(key: KeyRecord, now: number): boolean {
  if (key.state !== 'Creating' || key.readyAt === undefined || key.readyAt === null || key.readyAt > now) return false;
  key.state = key.readyState ?? 'Enabled';
  key.readyAt = null;
  key.readyState = null;
  return true;
}

/** KeyMetadata.MultiRegionConfiguration of `key`, given every record of its set. */
export function multiRegionConfiguration(key: KeyRecord, set: readonly KeyRecord[]): Record<string, unknown> {
  const primary = set.find((k) => k.region === key.primaryRegion);
  const replicas = set
    .filter((k) => k.region !== key.primaryRegion)
    .sort((a, b) => a.createdAt - b.createdAt || (a.region < b.region ? -1 : 1))
    .map((k) => ({ Arn: k.arn, Region: k.region }));
  return {
    MultiRegionKeyType: key.region === key.primaryRegion ? 'PRIMARY' : 'REPLICA',
    PrimaryKey: primary ? { Arn: primary.arn, Region: primary.region } : { Arn: key.arn.replace(`:${key.region}:`, `:${key.primaryRegion}:`), Region: key.primaryRegion },
    ReplicaKeys: replicas,
  };
}

/**
 * After a replica was deleted: the primary in PendingReplicaDeletion with no replica left starts
 * its waiting period now. Returns whether the primary changed.
 */
export function startPrimaryDeletionIfLast(primary: KeyRecord, remaining: readonly KeyRecord[], now: number): boolean {
  if (primary.state !== 'PendingReplicaDeletion') return false;
  if (remaining.some((k) => k.region !== primary.region)) return false;
  const days = primary.pendingReplicaWindowInDays ?? 30;
  primary.state = 'PendingDeletion';
  primary.deletionDate = now + days * DAY_MS;
  primary.pendingWindowInDays = days;
  primary.pendingReplicaWindowInDays = null;
  return true;
}
