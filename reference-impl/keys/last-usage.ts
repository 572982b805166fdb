/**
 * GetKeyLastUsage's bookkeeping: the last successful cryptographic operation on each key.
 *
 * AWS (GetKeyLastUsage in the service model): the response carries the operation (one of
 * `KeyLastUsageTrackingOperation`: Decrypt, DeriveSharedSecret, Encrypt, GenerateDataKey,
 * GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateDataKeyWithoutPlaintext,
 * GenerateMac, ReEncrypt, Sign, Verify, VerifyMac), its time, CloudTrail event id and KMS request
 * id; `TrackingStartDate` is "the date from which KMS began recording cryptographic activity for
 * this key, or the date the KMS key was created, whichever is later"; ReEncrypt is recorded for
 * both keys. The API follows KMS's eventual-consistency model.
 *
 * Cost on the hot path: one Map.set per successful call. Uses are kept in memory and flushed to
 * the store (`key_last_usage`) in one transaction every {@link FLUSH_INTERVAL_MS} and on close.
 * Staleness: a worker answers from its own memory plus the store, so a use served by another
 * worker of the same server shows up after at most one flush interval; a crash loses at most
 * the last interval's uses.
 *
 * Tracking began when this server first ran with the feature: `meta.last-usage-since`, set once
 * (existing data directories get the date they were first opened by this version).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { KeyStore, KeyUseRecord } from '../store/store.js';

export const FLUSH_INTERVAL_MS = 1000;
const SINCE = 'last-usage-since';

export class KeyUsageTracker {
  private pending = new Map<string, KeyUseRecord>();

  constructor(private readonly store: KeyStore) {}

  /** Marks the start of tracking, once per data directory (server clock, ms). */
  start(now: number): void {
    if (this.store.getMeta(SINCE) === undefined) this.store.putMeta(SINCE, String(now));
  }

  /** When tracking began (ms), or undefined if {@link start} never ran. */
  trackingStart(): number | undefined {
    const v = this.store.getMeta(SINCE);
    return v === undefined ? undefined : Number(v);
  }

  /** A successful cryptographic use. Returns the CloudTrail event id given to it. */
  record(keyId: string /* the key's store id */, operation: string, at: number, requestId: string): string {
    const eventId = randomUUID();
    const prev = this.pending.get(keyId);
    if (!prev || prev.at <= at) this.pending.set(keyId, { operation, at, requestId, eventId });
    return eventId;
  }

  /** The last use of `keyId` this process knows of: its own unflushed one, else the store's. */
  last(keyId: string): KeyUseRecord | undefined {
    const mine = this.pending.get(keyId);
    const stored = this.store.getKeyLastUsage(keyId);
    if (mine && (!stored || mine.at >= stored.at)) return mine;
    return stored;
  }

  /** Writes the pending uses to the store. Safe to call at any time; failures keep them pending. */
  flush(): void {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      this.store.putKeyLastUsage(batch);
    } catch (e) {
      for (const [k, v] of batch) if (!this.pending.has(k)) this.pending.set(k, v);
      throw e;
    }
  }
}
