/**
 * A worker of the lease protocol (./lease-protocol.ts), one per serving process: admits requests
 * from token leases granted by the coordinator (./lease-coordinator.ts) and refills them
 * asynchronously. Pure: injected clock, `send` and `onDecision` callbacks.
 *
 * ## Why it does not under-admit
 * - A worker never throttles on its own guess: with no local tokens it queues the request and asks
 *   (one request in flight per bucket, the queue's total cost as `need`). Only the coordinator's
 *   answer "bucket empty, next token in `retryAfterNs`" throttles, and the worker then throttles
 *   locally until that time (the coordinator's bucket cannot refill sooner; other workers only
 *   drain it). Under load below the quota the bucket is never empty, so nothing is throttled.
 * - Under overload `free` stays near 0, below the refill cap, so no refill is ever clamped away:
 *   every token generated is leased and spent; leased-but-idle tokens come back when their lease
 *   expires (`ttlNs`, worker side) and are re-leased. Steady-state admission = rate.
 * - Prefetch: a worker that sees ≥ 2 requests per `horizonNs` asks for about one horizon of its
 *   own demand when it runs low, capped by the coordinator at `rate × maxLeaseSeconds`, so most
 *   requests are admitted locally without an IPC round trip.
 *
 * @module
 */
import { NUM_QUOTA_CLASSES, QUOTA_CLASSES, classIndex, type QuotaClassId } from '../../common/quota/classes.js';
import { KEY_STORE_ACCOUNT } from '../../common/quota/limiter.js';
import { DEFAULT_HORIZON_NS, type BucketRef, type CoordinatorToWorker, type WorkerToCoordinator } from './lease-protocol.js';

/** {@link LeaseWorker.acquire} results. */
export const THROTTLED = 0;
export const ADMITTED = 1;
/** The decision comes later through `onDecision(worker.lastTicket, admitted)`. */
export const PENDING = 2;
export type Decision = typeof THROTTLED | typeof ADMITTED | typeof PENDING;

export interface WorkerOptions {
  /** This worker's id (e.g. cluster.worker.id). */
  readonly worker: number;
  /** Sends a message to the coordinator (process.send in a cluster worker). */
  readonly send: (msg: WorkerToCoordinator) => void;
  /** Receives the decision of every PENDING acquire. */
  readonly onDecision: (ticket: number, admitted: boolean) => void;
  /** Demand window used to size prefetches. Default 5 ms. */
  readonly horizonNs?: number;
  /** Settled leases idle this long are forgotten. Default 10 s. */
  readonly forgetAfterNs?: number;
  /**
   * What to do when a request finds no local token. `wait` (default, exact): queue it and ask the
   * coordinator (PENDING). `throttle`: never PENDING — throttle it at once and ask for a lease for
   * the next requests. Only for callers that cannot wait; it throttles some requests a single
   * bucket would admit (every cold start, and whenever prefetch falls behind).
   */
  readonly onMiss?: 'wait' | 'throttle';
}

class WorkerLease {
  tokens = 0;
  /** Tokens held again after a refund that the coordinator already counts as spent. ≤ tokens. */
  prepaid = 0;
  expiresAt = 0;
  /** Tokens spent since the last report. */
  used = 0;
  inflight = false;
  retryAt = -Infinity;
  /** Queued tickets and costs, interleaved [ticket, cost, ticket, cost, …] from `head`. */
  queue: number[] = [];
  head = 0;
  queuedCost = 0;
  winStart = -Infinity;
  winCount = 0;
  prevCount = 0;
  lastUse = 0;
  active = false;
  allowed = 0;
  throttled = 0;
  constructor(readonly ref: BucketRef) {}
}

function spend(l: WorkerLease, cost: number): void {
  const fromPrepaid = Math.min(l.prepaid, cost);
  l.prepaid -= fromPrepaid;
  l.used += cost - fromPrepaid;
  l.tokens -= cost;
  l.allowed++;
}

export interface WorkerLeaseSnapshot {
  readonly bucket: BucketRef;
  readonly tokens: number;
  readonly queued: number;
  readonly allowed: number;
  readonly throttled: number;
}

export class LeaseWorker {
  /** Ticket of the last acquire that returned PENDING. */
  lastTicket = 0;
  private readonly id: number;
  private readonly send: (msg: WorkerToCoordinator) => void;
  private readonly onDecision: (ticket: number, admitted: boolean) => void;
  private readonly horizonNs: number;
  private readonly forgetAfterNs: number;
  private readonly waitOnMiss: boolean;
  private readonly accounts = new Map<string, Map<string, (WorkerLease | undefined)[]>>();
  private readonly stores = new Map<string, Map<string, WorkerLease>>(); // region → `${cls}\u0001${id}` → lease
  private active: WorkerLease[] = [];
  private seq = 0;
  private tickets = 0;
  private lastForget = -Infinity;

  constructor(options: WorkerOptions) {
    this.id = options.worker;
    this.send = options.send;
    this.onDecision = options.onDecision;
    this.horizonNs = options.horizonNs ?? DEFAULT_HORIZON_NS;
    this.forgetAfterNs = options.forgetAfterNs ?? 10e9;
    this.waitOnMiss = (options.onMiss ?? 'wait') === 'wait';
  }

  /** Admission for an account-scoped class. ADMITTED / THROTTLED now, or PENDING (see lastTicket). */
  acquire(account: string, region: string, cls: QuotaClassId, nowNs: number, cost = 1): Decision {
    return this.acquireLease(this.lease(account, region, cls), nowNs, cost);
  }

  /** Admission for a custom key store's own quota. */
  acquireKeyStore(region: string, cls: 'cloudhsm-key-store' | 'external-key-store', keyStoreId: string, nowNs: number, cost = 1): Decision {
    return this.acquireLease(this.storeLease(region, cls, keyStoreId), nowNs, cost);
  }

  /**
   * Gives back tokens admitted for a request that was then not carried out (e.g. its second,
   * key-store charge was throttled). They stay leased to this worker.
   */
  refund(account: string, region: string, cls: QuotaClassId, cost = 1): void {
    this.refundLease(this.lease(account, region, cls), cost);
  }

  refundKeyStore(region: string, cls: 'cloudhsm-key-store' | 'external-key-store', keyStoreId: string, cost = 1): void {
    this.refundLease(this.storeLease(region, cls, keyStoreId), cost);
  }

  /** Handles a coordinator message. */
  onMessage(msg: CoordinatorToWorker, nowNs: number): void {
    const ref = msg.bucket;
    const l =
      ref.keyStoreId === '' ? this.lease(ref.account, ref.region, ref.cls) : this.storeLease(ref.region, ref.cls as 'cloudhsm-key-store', ref.keyStoreId);
    l.inflight = false;
    if (msg.granted > 0) {
      l.tokens += msg.granted;
      this.activate(l);
    }
    // Any reply renews the lease of what is held (a renewal is only asked for while spending).
    if (l.tokens > 0) l.expiresAt = nowNs + msg.ttlNs;
    if (msg.retryAfterNs > 0) l.retryAt = nowNs + msg.retryAfterNs;
    // Serve the queue in order.
    const q = l.queue;
    while (l.head < q.length && l.tokens >= q[l.head + 1]!) {
      const ticket = q[l.head]!;
      const cost = q[l.head + 1]!;
      l.head += 2;
      l.queuedCost -= cost;
      spend(l, cost);
      this.onDecision(ticket, true);
    }
    if (l.head < q.length) {
      if (l.retryAt > nowNs) {
        // The coordinator's bucket is empty: a single bucket would throttle these too.
        while (l.head < q.length) {
          const ticket = q[l.head]!;
          l.head += 2;
          l.throttled++;
          this.onDecision(ticket, false);
        }
        l.queuedCost = 0;
      } else {
        this.request(l, l.queuedCost - l.tokens);
      }
    }
    if (l.head >= q.length) {
      q.length = 0;
      l.head = 0;
    }
  }

  /**
   * Periodic housekeeping (call every few ms): returns expired leases' tokens, reports spent
   * tokens of idle leases, forgets settled ones.
   */
  tick(nowNs: number): void {
    const keep: WorkerLease[] = [];
    for (const l of this.active) {
      if (l.tokens > 0 && nowNs >= l.expiresAt && !l.inflight) this.giveBack(l);
      else if (l.tokens === 0 && l.used > 0 && !l.inflight && nowNs - l.lastUse >= this.horizonNs) this.giveBack(l);
      if (l.tokens > 0 || l.used > 0 || l.inflight || l.head < l.queue.length) keep.push(l);
      else l.active = false;
    }
    this.active = keep;
    if (this.forgetAfterNs > 0 && nowNs - this.lastForget >= this.forgetAfterNs / 4) {
      this.lastForget = nowNs;
      this.forget(nowNs);
    }
  }

  /** Local view of every lease (for metrics). */
  snapshot(): WorkerLeaseSnapshot[] {
    const out: WorkerLeaseSnapshot[] = [];
    const add = (l: WorkerLease): void => {
      out.push({ bucket: l.ref, tokens: l.tokens, queued: (l.queue.length - l.head) / 2, allowed: l.allowed, throttled: l.throttled });
    };
    for (const regions of this.accounts.values()) for (const leases of regions.values()) for (const l of leases) if (l) add(l);
    for (const m of this.stores.values()) for (const l of m.values()) add(l);
    return out;
  }

  private acquireLease(l: WorkerLease, nowNs: number, cost: number): Decision {
    // Demand over the last horizon, for prefetch sizing.
    if (nowNs - l.winStart >= this.horizonNs) {
      l.prevCount = nowNs - l.winStart < 2 * this.horizonNs ? l.winCount : 0;
      l.winStart = nowNs;
      l.winCount = 0;
    }
    l.winCount += cost;
    l.lastUse = nowNs;
    if (l.tokens > 0 && nowNs >= l.expiresAt && !l.inflight) this.giveBack(l);
    if (l.head === l.queue.length && l.tokens >= cost) {
      spend(l, cost);
      this.activate(l);
      if (!l.inflight && nowNs >= l.retryAt) {
        const want = l.winCount > l.prevCount ? l.winCount : l.prevCount;
        // Ask again while a whole horizon of demand is still in hand, or before the lease runs
        // out: the reply has that long to arrive before requests would have to wait for it.
        if ((want >= 2 && l.tokens < want) || l.expiresAt - nowNs < this.horizonNs / 2) this.request(l, 0);
      }
      return ADMITTED;
    }
    if (nowNs < l.retryAt) {
      l.throttled++;
      return THROTTLED;
    }
    if (!this.waitOnMiss) {
      if (!l.inflight) this.request(l, 0);
      this.activate(l);
      l.throttled++;
      return THROTTLED;
    }
    const ticket = ++this.tickets;
    l.queue.push(ticket, cost);
    l.queuedCost += cost;
    this.activate(l);
    if (!l.inflight) this.request(l, l.queuedCost - l.tokens);
    this.lastTicket = ticket;
    return PENDING;
  }

  private refundLease(l: WorkerLease, cost: number): void {
    l.tokens += cost;
    const unreported = Math.min(l.used, cost);
    l.used -= unreported;
    l.prepaid += cost - unreported; // already reported as spent: never report these again
    l.allowed--;
    this.activate(l);
  }

  private request(l: WorkerLease, need: number): void {
    // Two horizons of recent demand: one to spend while the next request is under way.
    const want = 2 * (l.winCount > l.prevCount ? l.winCount : l.prevCount);
    l.inflight = true;
    const used = l.used;
    l.used = 0;
    this.send({ type: 'kms-quota/lease', worker: this.id, seq: ++this.seq, bucket: l.ref, need: need > 0 ? need : 0, want, used });
  }

  private giveBack(l: WorkerLease): void {
    const unused = l.tokens - l.prepaid; // prepaid tokens are dropped (the coordinator counts them spent)
    const used = l.used;
    l.tokens = 0;
    l.prepaid = 0;
    l.used = 0;
    if (unused > 0 || used > 0) this.send({ type: 'kms-quota/return', worker: this.id, bucket: l.ref, unused, used });
  }

  private activate(l: WorkerLease): void {
    if (!l.active) {
      l.active = true;
      this.active.push(l);
    }
  }

  private lease(account: string, region: string, cls: QuotaClassId): WorkerLease {
    let regions = this.accounts.get(account);
    if (regions === undefined) {
      regions = new Map();
      this.accounts.set(account, regions);
    }
    let leases = regions.get(region);
    if (leases === undefined) {
      leases = new Array(NUM_QUOTA_CLASSES).fill(undefined);
      regions.set(region, leases);
    }
    const idx = classIndex(cls);
    let l = leases[idx];
    if (l === undefined) {
      if (QUOTA_CLASSES[idx]!.scope !== 'account') throw new RangeError(`${cls} is per key store: use acquireKeyStore`);
      l = new WorkerLease(Object.freeze({ account, region, cls, keyStoreId: '' }));
      leases[idx] = l;
    }
    return l;
  }

  private storeLease(region: string, cls: 'cloudhsm-key-store' | 'external-key-store', keyStoreId: string): WorkerLease {
    if (keyStoreId === '') throw new RangeError('custom key store id required');
    let m = this.stores.get(region);
    if (m === undefined) {
      m = new Map();
      this.stores.set(region, m);
    }
    const key = `${cls}\u0001${keyStoreId}`;
    let l = m.get(key);
    if (l === undefined) {
      l = new WorkerLease(Object.freeze({ account: KEY_STORE_ACCOUNT, region, cls, keyStoreId }));
      m.set(key, l);
    }
    return l;
  }

  private forget(nowNs: number): void {
    const idle = (l: WorkerLease): boolean =>
      !l.active && l.tokens === 0 && l.used === 0 && !l.inflight && l.head === l.queue.length && nowNs - l.lastUse >= this.forgetAfterNs && nowNs >= l.retryAt;
    for (const [account, regions] of this.accounts) {
      for (const [region, leases] of regions) {
        let live = 0;
        for (let i = 0; i < leases.length; i++) {
          const l = leases[i];
          if (l === undefined) continue;
          if (idle(l)) leases[i] = undefined;
          else live++;
        }
        if (live === 0) regions.delete(region);
      }
      if (regions.size === 0) this.accounts.delete(account);
    }
    for (const [region, m] of this.stores) {
      for (const [key, l] of m) if (idle(l)) m.delete(key);
      if (m.size === 0) this.stores.delete(region);
    }
  }
}
