/**
 * Which key states each kind of operation accepts (facts sheet, "Key states").
 *
 * @module
 */
import { DisabledException, KMSInvalidStateException } from '../errors.js';
import type { KeyRecord } from '../records/key-records.js';
import { msg } from './key-messages.js';

/** Cryptographic use (Encrypt, Decrypt, GenerateDataKey*, ReEncrypt, Sign, ...) needs Enabled. */
export function requireEnabledForUse(key: KeyRecord): void {
  switch (key.state) {
    case 'Enabled':
      return;
    case 'Disabled':
      throw new DisabledException(msg.disabled(key.arn));
    default:
      throw invalidState(key);
  }
}

/**
 * EnableKey / DisableKey: only an Enabled or Disabled key changes state
 * (KS-OLD: PendingImport → [5] "is pending import.", PendingDeletion → [3] "is pending deletion.").
 */
export function requireEnabledOrDisabled(key: KeyRecord): void {
  if (key.state === 'Enabled' || key.state === 'Disabled') return;
  throw invalidState(key);
}

/**
 * Management calls that AWS refuses only while the key is being deleted: CreateAlias, UpdateAlias
 * (new target), TagResource, UntagResource, UpdateKeyDescription. They succeed on Enabled,
 * Disabled, PendingImport and Unavailable keys (KS-OLD table, aws-observed 2.2).
 */
export function requireNotPendingDeletion(key: KeyRecord): void {
  if (key.state === 'PendingDeletion' || key.state === 'PendingReplicaDeletion') throw invalidState(key);
}

export function invalidState(key: KeyRecord): InstanceType<typeof KMSInvalidStateException> {
  switch (key.state) {
    case 'PendingDeletion':
      return new KMSInvalidStateException(msg.pendingDeletion(key.arn));
    case 'PendingImport':
      return new KMSInvalidStateException(msg.pendingImport(key.arn));
    case 'Unavailable':
      return new KMSInvalidStateException(msg.unavailable(key.arn));
    case 'PendingReplicaDeletion':
      return new KMSInvalidStateException(msg.pendingReplicaDeletion(key.arn));
    default:
      return new KMSInvalidStateException(msg.invalidState(key.arn, key.state));
  }
}
