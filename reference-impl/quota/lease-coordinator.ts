/**
 * The coordinator of the lease protocol (./lease-protocol.ts), in the primary process: it owns
 * every real bucket and lends workers small token leases. Pure: injected clock, message in,
 * reply out.
 *
 * ## Why this is exact (never admits more than one bucket would)
 * The coordinator keeps, per bucket, `free` (tokens not leased) and `outstanding` (tokens leased
 * to workers and not yet reported used or returned), and refills `free` only up to
 * `capacity − outstanding`. So `free + outstanding ≤ capacity` at all times. Every token a worker
 * spends was leased, and tokens enter the system only by refill at `rate`; hence over any interval
 * [a, b] the whole cluster admits at most `capacity + rate·(b − a)` — the single bucket's
 * envelope. This holds whatever the message delays, lease sizes or TTLs, and even if a worker
 * dies holding tokens (they are simply lost: `workerExited`). The coordinator also clamps every
 * report to what that worker holds, so a buggy message cannot inflate a bucket.
 *
 * @module
 */
import { QUOTA_CLASSES, classIndex } from '../../common/quota/classes.js';
import type { RateResolver } from '../../common/quota/limiter.js';
import { profileForRegion } from '../../common/quota/profiles.js';
import { burstFor } from '../../common/quota/token-bucket.js';
import {
  DEFAULT_LEASE_TTL_NS,
  DEFAULT_MAX_LEASE_SECONDS,
  DEFAULT_MIN_RETRY_NS,
  type BucketRef,
  type LeaseGrantMsg,
  type WorkerToCoordinator,
} from './lease-protocol.js';

const NANO = 1e9;
const MAX_RETRY_NS = 60e9;

export interface CoordinatorOptions {
  /** Rates per (account, Region); key-store buckets are resolved with account ''. Default: current profile. */
  readonly rates?: RateResolver;
  readonly leaseTtlNs?: number;
  /** A grant never exceeds max(need, floor(rate × this)). */
  readonly maxLeaseSeconds?: number;
  /**
   * Shortest "bucket empty, retry after" answered. Under overload this bounds the IPC rate to
   * about one lease request per worker and bucket per `minRetryNs` (tokens that accumulate in
   * the meantime are not lost: the bucket is far from full, they are leased at the next ask).
   * Default 1 ms.
   */
  readonly minRetryNs?: number;
}

class CoordBucket {
  nano = 0; // numeric initialisers keep V8's double fields unboxed (see TokenBucket)
  last = 0;
  outstanding = 0;
  readonly byWorker = new Map<number, number>();
  grantedTokens = 0;
  refusals = 0;
  constructor(
    readonly ref: BucketRef,
    readonly rate: number,
    readonly capNano: number,
    nowNs: number,
  ) {
    this.nano = capNano;
    this.last = nowNs;
  }

  refill(nowNs: number): void {
    if (nowNs <= this.last) return;
    const ceiling = this.capNano - this.outstanding * NANO;
    if (this.nano < ceiling && this.rate > 0) {
      const elapsed = nowNs - this.last;
      this.nano = elapsed >= (ceiling - this.nano) / this.rate ? ceiling : Math.min(ceiling, this.nano + elapsed * this.rate);
    }
    this.last = nowNs;
  }

  /** Settles a worker's report: `used` spent, `unused` given back. Clamped to what it holds. */
  settle(worker: number, used: number, unused: number): void {
    const held = this.byWorker.get(worker) ?? 0;
    const u = Math.min(used, held);
    const r = Math.min(unused, held - u);
    const left = held - u - r;
    if (left > 0) this.byWorker.set(worker, left);
    else this.byWorker.delete(worker);
    this.outstanding -= u + r;
    this.nano += r * NANO;
  }

  lease(worker: number, n: number): void {
    this.nano -= n * NANO;
    this.outstanding += n;
    this.byWorker.set(worker, (this.byWorker.get(worker) ?? 0) + n);
    this.grantedTokens += n;
  }

  /**
   * ns until `n` tokens are free by refill alone (≥ 1, capped). If leases hold tokens the refill
   * ceiling may be lower than `n` for a while; the worker then simply asks again.
   */
  timeUntil(n: number): number {
    const missing = n * NANO - this.nano;
    if (missing <= 0) return 0;
    if (this.rate <= 0) return MAX_RETRY_NS;
    return Math.max(1, Math.min(MAX_RETRY_NS, Math.ceil(missing / this.rate)));
  }
}

export interface CoordinatorBucketSnapshot {
  readonly bucket: BucketRef;
  readonly rate: number;
  readonly capacity: number;
  /** Tokens not leased. */
  readonly free: number;
  /** Tokens leased and not yet reported. */
  readonly outstanding: number;
  readonly grantedTokens: number;
  readonly refusals: number;
}

export class LeaseCoordinator {
  private readonly resolve: RateResolver;
  private readonly ttlNs: number;
  private readonly maxLeaseSeconds: number;
  private readonly minRetryNs: number;
  private readonly buckets = new Map<string, CoordBucket>();

  constructor(options: CoordinatorOptions = {}) {
    this.resolve = options.rates ?? ((_a, region) => profileForRegion(region));
    this.ttlNs = options.leaseTtlNs ?? DEFAULT_LEASE_TTL_NS;
    this.maxLeaseSeconds = options.maxLeaseSeconds ?? DEFAULT_MAX_LEASE_SECONDS;
    this.minRetryNs = options.minRetryNs ?? DEFAULT_MIN_RETRY_NS;
  }

  /** Handles one worker message; returns the reply to send back to `msg.worker` (or null). */
  handle(msg: WorkerToCoordinator, nowNs: number): LeaseGrantMsg | null {
    const b = this.bucket(msg.bucket, nowNs);
    b.refill(nowNs);
    if (msg.type === 'kms-quota/return') {
      b.settle(msg.worker, count(msg.used), count(msg.unused));
      return null;
    }
    b.settle(msg.worker, count(msg.used), 0);
    const need = count(msg.need);
    const want = count(msg.want);
    const free = Math.floor(b.nano / NANO);
    let granted = 0;
    let retryAfterNs = 0;
    if (free >= need) {
      const cap = Math.max(need, Math.floor(b.rate * this.maxLeaseSeconds));
      granted = need + Math.min(want, free - need, Math.max(0, cap - need));
      if (granted > 0) b.lease(msg.worker, granted);
      if (granted === 0) retryAfterNs = Math.max(this.minRetryNs, b.timeUntil(1));
    } else {
      b.refusals++;
      retryAfterNs = Math.max(this.minRetryNs, b.timeUntil(Math.max(need, 1)));
    }
    return { type: 'kms-quota/grant', worker: msg.worker, seq: msg.seq, bucket: msg.bucket, granted, ttlNs: this.ttlNs, retryAfterNs };
  }

  /** Forgets a dead worker's leases. Its tokens are lost (never re-issued): safe, not generous. */
  workerExited(worker: number): void {
    for (const b of this.buckets.values()) {
      const held = b.byWorker.get(worker);
      if (held !== undefined) {
        b.outstanding -= held;
        b.byWorker.delete(worker);
      }
    }
  }

  /** State of every bucket (for metrics and tests). */
  snapshot(nowNs: number): CoordinatorBucketSnapshot[] {
    return [...this.buckets.values()].map((b) => {
      b.refill(nowNs);
      return {
        bucket: b.ref,
        rate: b.rate,
        capacity: b.capNano / NANO,
        free: b.nano / NANO,
        outstanding: b.outstanding,
        grantedTokens: b.grantedTokens,
        refusals: b.refusals,
      };
    });
  }

  /** Drops buckets that are full with nothing leased (exact: equal to new ones). */
  sweep(nowNs: number): number {
    let n = 0;
    for (const [key, b] of this.buckets) {
      b.refill(nowNs);
      if (b.outstanding === 0 && b.nano >= b.capNano) {
        this.buckets.delete(key);
        n++;
      }
    }
    return n;
  }

  private bucket(ref: BucketRef, nowNs: number): CoordBucket {
    const key = `${ref.account}\u0001${ref.region}\u0001${ref.cls}\u0001${ref.keyStoreId}`;
    let b = this.buckets.get(key);
    if (b === undefined) {
      const idx = classIndex(ref.cls);
      const scopeOk = QUOTA_CLASSES[idx]!.scope === 'key-store' ? ref.keyStoreId !== '' : ref.keyStoreId === '';
      if (!scopeOk) throw new RangeError(`bad bucket reference for ${ref.cls}: keyStoreId must be ${QUOTA_CLASSES[idx]!.scope === 'key-store' ? 'set' : "''"}`);
      const profile = this.resolve(ref.account, ref.region);
      const rate = profile.rates[ref.cls];
      b = new CoordBucket({ account: ref.account, region: ref.region, cls: ref.cls, keyStoreId: ref.keyStoreId }, rate, burstFor(rate, profile.burstSeconds) * NANO, nowNs);
      this.buckets.set(key, b);
    }
    return b;
  }
}

function count(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
