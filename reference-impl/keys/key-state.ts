/**
 * Which key states each kind of operation accepts (facts sheet, "Key states").
 *
 * @module
 */
import { DisabledException, KMSInvalidStateException } from '../errors.js';
import type { KeyRecord } from './model.js';
import { msg } from './messages.js';

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

/** Management calls that AWS refuses on keys pending deletion (and other non-settled states). */
export function requireNotPendingDeletion(key: KeyRecord): void {
  if (key.state === 'Enabled' || key.state === 'Disabled') return;
  throw invalidState(key);
}

export function invalidState(key: KeyRecord): InstanceType<typeof KMSInvalidStateException> {
  switch (key.state) {
    case 'PendingDeletion':
      return new KMSInvalidStateException(msg.pendingDeletion(key.arn));
    case 'PendingImport':
      return new KMSInvalidStateException(msg.pendingImport(key.arn));
    default:
      return new KMSInvalidStateException(msg.invalidState(key.arn, key.state));
  }
}
