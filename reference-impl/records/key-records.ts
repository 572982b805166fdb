/**
 * The records the reference server keeps: KMS keys, their backing-key versions and aliases.
 * Times are epoch milliseconds on the server's controllable clock. The store keeps them, the
 * keyring resolves and changes them, the handlers answer with them: this folder sits below all
 * three and imports nothing.
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

/** The ARN partition of a Region (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

export const keyArn = (region: string, account: string, keyId: string): string =>
  `arn:${partitionOf(region)}:kms:${region}:${account}:key/${keyId}`;

export const aliasArn = (region: string, account: string, aliasName: string): string =>
  `arn:${partitionOf(region)}:kms:${region}:${account}:${aliasName}`;

/** Seconds since the epoch, as AWS JSON 1.1 timestamps are sent. */
export const epochSeconds = (ms: number): number => ms / 1000;
