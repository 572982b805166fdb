/**
 * Limiter: one token bucket per (account, Region, quota class), or per (Region, custom key store)
 * for the key-store classes; created lazily, counted for metrics. Single process; for N worker
 * processes see lease.ts.
 *
 * Hot path (`admit`, `admitRoute` with account-scoped classes): two Map lookups and an array
 * index, no allocation once the buckets exist.
 *
 * Dropping a bucket that has refilled to capacity is exact (a full bucket behaves exactly like a
 * new one), which is what {@link Limiter.sweep} does to bound memory with many accounts.
 *
 * @module
 */

import { NUM_QUOTA_CLASSES, QUOTA_CLASSES, classIndex, type QuotaClassId, type QuotaRoute } from './classes.js';
import { profileForRegion, type ResolvedProfile } from './profiles.js';
import { TokenBucket, burstFor, monotonicNs } from './token-bucket.js';

/** Rates in force for an account in a Region (lets per-account quota increases be modelled). */
export type RateResolver = (account: string, region: string) => ResolvedProfile;

export interface LimiterOptions {
  /** ns clock; default process.hrtime (monotonic). Never the server's offset clock. */
  readonly clock?: () => number;
  /** Default: `profileForRegion(region)` (current AWS defaults). */
  readonly rates?: RateResolver;
}

/** Account placeholder for key-store buckets (those are per key store, not per account). */
export const KEY_STORE_ACCOUNT = '';

class Slot {
  readonly buckets: (TokenBucket | undefined)[] = new Array(NUM_QUOTA_CLASSES).fill(undefined);
  /** Key-store buckets: class index → key store id → bucket (only in the KEY_STORE_ACCOUNT slot). */
  readonly stores = new Map<number, Map<string, TokenBucket>>();
  constructor(
    readonly rates: Float64Array,
    readonly bursts: Float64Array,
  ) {}
}

export interface ClassCounters {
  readonly allowed: number;
  readonly throttled: number;
}

export interface BucketSnapshot {
  readonly account: string;
  readonly region: string;
  readonly cls: QuotaClassId;
  /** Custom key store id for key-store classes, '' otherwise. */
  readonly keyStoreId: string;
  readonly rate: number;
  readonly capacity: number;
  readonly level: number;
  readonly allowed: number;
  readonly throttled: number;
}

export class Limiter {
  private readonly clock: () => number;
  private readonly resolve: RateResolver;
  private readonly accounts = new Map<string, Map<string, Slot>>();
  private readonly allowedByClass = new Float64Array(NUM_QUOTA_CLASSES);
  private readonly throttledByClass = new Float64Array(NUM_QUOTA_CLASSES);

  constructor(options: LimiterOptions = {}) {
    this.clock = options.clock ?? monotonicNs;
    this.resolve = options.rates ?? ((_account, region) => profileForRegion(region));
  }

  /** Charges `cost` tokens of `cls` for (account, region). Account-scoped classes only. */
  admit(account: string, region: string, cls: QuotaClassId, nowNs = this.clock(), cost = 1): boolean {
    const idx = classIndex(cls);
    if (QUOTA_CLASSES[idx]!.scope !== 'account') throw new RangeError(`${cls} is per key store: use admitRoute or admitKeyStore`);
    return this.count(idx, this.bucket(this.slot(account, region), idx, nowNs).tryTake(nowNs, cost));
  }

  /** Charges a custom key store's own quota (1 token per request). */
  admitKeyStore(region: string, cls: 'cloudhsm-key-store' | 'external-key-store', keyStoreId: string, nowNs = this.clock(), cost = 1): boolean {
    const idx = classIndex(cls);
    return this.count(idx, this.storeBucket(region, idx, keyStoreId, nowNs).tryTake(nowNs, cost));
  }

  /**
   * Admits one request with every charge of its route, all or nothing: the account class, the
   * custom key store (needs `keyStoreId`) and the other Region of ReplicateKey /
   * UpdatePrimaryRegion (needs `otherRegion`; without it that charge is skipped). A throttled
   * request is counted once, against the first class that refused it.
   */
  admitRoute(account: string, region: string, route: QuotaRoute, nowNs = this.clock(), keyStoreId?: string, otherRegion?: string): boolean {
    const primary = this.bucket(this.slot(account, region), route.classIndex, nowNs);
    if (route.keyStoreCls === null && (route.otherRegion === null || otherRegion === undefined)) {
      return this.count(route.classIndex, primary.tryTake(nowNs, route.cost));
    }
    const store =
      route.keyStoreCls !== null
        ? this.storeBucket(region, route.keyStoreClassIndex, requireKeyStoreId(keyStoreId, route), nowNs)
        : undefined;
    const other =
      route.otherRegion !== null && otherRegion !== undefined
        ? this.bucket(this.slot(account, otherRegion), route.otherRegion.classIndex, nowNs)
        : undefined;
    let refusedBy = -1;
    if (!primary.canTake(nowNs, route.cost)) refusedBy = route.classIndex;
    else if (store && !store.canTake(nowNs, 1)) refusedBy = route.keyStoreClassIndex;
    else if (other && !other.canTake(nowNs, route.otherRegion!.cost)) refusedBy = route.otherRegion!.classIndex;
    if (refusedBy >= 0) {
      const refusing = refusedBy === route.classIndex ? primary : refusedBy === route.keyStoreClassIndex ? store! : other!;
      refusing.throttled++;
      this.throttledByClass[refusedBy]!++;
      return false;
    }
    primary.take(nowNs, route.cost);
    this.allowedByClass[route.classIndex]!++;
    if (store) {
      store.take(nowNs, 1);
      this.allowedByClass[route.keyStoreClassIndex]!++;
    }
    if (other) {
      other.take(nowNs, route.otherRegion!.cost);
      this.allowedByClass[route.otherRegion!.classIndex]!++;
    }
    return true;
  }

  /** Tokens currently available to (account, region, cls) — a fresh bucket if none exists yet. */
  level(account: string, region: string, cls: QuotaClassId, nowNs = this.clock()): number {
    const idx = classIndex(cls);
    return this.bucket(this.slot(account, region), idx, nowNs).level(nowNs);
  }

  /** Totals per class since construction (survive {@link sweep}). */
  counters(): Record<QuotaClassId, ClassCounters> {
    const out = {} as Record<QuotaClassId, ClassCounters>;
    for (const c of QUOTA_CLASSES) out[c.id] = { allowed: this.allowedByClass[c.index]!, throttled: this.throttledByClass[c.index]! };
    return out;
  }

  /** Every live bucket with its level now (for a metrics endpoint). */
  snapshot(nowNs = this.clock()): BucketSnapshot[] {
    const out: BucketSnapshot[] = [];
    for (const [account, regions] of this.accounts) {
      for (const [region, slot] of regions) {
        slot.buckets.forEach((b, idx) => {
          if (b) out.push(snap(account, region, QUOTA_CLASSES[idx]!.id, '', b, nowNs));
        });
        for (const [idx, stores] of slot.stores) {
          for (const [keyStoreId, b] of stores) out.push(snap(account, region, QUOTA_CLASSES[idx]!.id, keyStoreId, b, nowNs));
        }
      }
    }
    return out;
  }

  /** Drops buckets that are full at `nowNs` (exact: a full bucket equals a new one). Returns how many. */
  sweep(nowNs = this.clock()): number {
    let dropped = 0;
    for (const [account, regions] of this.accounts) {
      for (const [region, slot] of regions) {
        let live = 0;
        slot.buckets.forEach((b, idx) => {
          if (!b) return;
          if (b.isFull(nowNs)) {
            slot.buckets[idx] = undefined;
            dropped++;
          } else live++;
        });
        for (const stores of slot.stores.values()) {
          for (const [keyStoreId, b] of stores) {
            if (b.isFull(nowNs)) {
              stores.delete(keyStoreId);
              dropped++;
            } else live++;
          }
        }
        if (live === 0) regions.delete(region);
      }
      if (regions.size === 0) this.accounts.delete(account);
    }
    return dropped;
  }

  private count(idx: number, admitted: boolean): boolean {
    if (admitted) this.allowedByClass[idx]!++;
    else this.throttledByClass[idx]!++;
    return admitted;
  }

  private slot(account: string, region: string): Slot {
    let regions = this.accounts.get(account);
    if (regions === undefined) {
      regions = new Map();
      this.accounts.set(account, regions);
    }
    let slot = regions.get(region);
    if (slot === undefined) {
      const profile = this.resolve(account, region);
      const rates = new Float64Array(NUM_QUOTA_CLASSES);
      const bursts = new Float64Array(NUM_QUOTA_CLASSES);
      for (const c of QUOTA_CLASSES) {
        const rate = profile.rates[c.id];
        rates[c.index] = rate;
        bursts[c.index] = burstFor(rate, profile.burstSeconds);
      }
      slot = new Slot(rates, bursts);
      regions.set(region, slot);
    }
    return slot;
  }

  private bucket(slot: Slot, idx: number, nowNs: number): TokenBucket {
    let b = slot.buckets[idx];
    if (b === undefined) {
      b = new TokenBucket(slot.rates[idx]!, slot.bursts[idx]!, nowNs);
      slot.buckets[idx] = b;
    }
    return b;
  }

  private storeBucket(region: string, idx: number, keyStoreId: string, nowNs: number): TokenBucket {
    const slot = this.slot(KEY_STORE_ACCOUNT, region);
    let stores = slot.stores.get(idx);
    if (stores === undefined) {
      stores = new Map();
      slot.stores.set(idx, stores);
    }
    let b = stores.get(keyStoreId);
    if (b === undefined) {
      b = new TokenBucket(slot.rates[idx]!, slot.bursts[idx]!, nowNs);
      stores.set(keyStoreId, b);
    }
    return b;
  }
}

function requireKeyStoreId(id: string | undefined, route: QuotaRoute): string {
  if (id === undefined || id === '') throw new RangeError(`${route.operation} on a ${route.keyStoreCls} key needs the custom key store id`);
  return id;
}

function snap(account: string, region: string, cls: QuotaClassId, keyStoreId: string, b: TokenBucket, nowNs: number): BucketSnapshot {
  return { account, region, cls, keyStoreId, rate: b.ratePerSecond, capacity: b.capacity, level: b.level(nowNs), allowed: b.allowed, throttled: b.throttled };
}
