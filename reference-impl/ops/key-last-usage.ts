/**
 * GetKeyLastUsage (keys/last-usage.ts holds the bookkeeping and its staleness bounds).
 *
 * KeyId: key id or key ARN only ("Alias names are not supported"); another account's key is
 * refused ("Cross-account use: No"). Response (model): KeyId (the key id, as KeyMetadata.KeyId —
 * "the globally unique identifier"), KeyLastUsage {Operation, Timestamp, CloudTrailEventId,
 * KmsRequestId} when the key was used since tracking began, TrackingStartDate = later of tracking
 * start and key creation, KeyCreationDate. Key state does not matter: no key-state rule is listed.
 *
 * @module
 */
import type { GetKeyLastUsageRequest } from '../../common/model/schemas.js';
import { epochSeconds, storeIdOf } from '../records/key-records.js';
import type { OpContext } from './context.js';
import { managedKey } from './guards.js';

export function getKeyLastUsage(input: GetKeyLastUsageRequest, ctx: OpContext): object {
  const key = managedKey(ctx, input.KeyId, 'GetKeyLastUsage');
  const since = ctx.keyring.lastUsage.trackingStart() ?? key.createdAt;
  const last = ctx.keyring.lastUsage.last(storeIdOf(key));
  return {
    KeyId: key.keyId,
    ...(last
      ? {
          KeyLastUsage: {
            Operation: last.operation,
            Timestamp: epochSeconds(last.at),
            CloudTrailEventId: last.eventId,
            KmsRequestId: last.requestId,
          },
        }
      : {}),
    TrackingStartDate: epochSeconds(Math.max(since, key.createdAt)),
    KeyCreationDate: epochSeconds(key.createdAt),
  };
}
