/**
 * Deterministic discrete-event simulation of the lease scheme: one coordinator, N workers, IPC
 * with latency (FIFO per channel, like node:cluster), Poisson arrivals split across workers by
 * (possibly time-varying) shares. Pure: simulated clock, seeded PRNG. Used by lease-protocol.test.ts and
 * handy for what-if runs of the lease parameters.
 *
 * @module
 */

import { mulberry32 } from '../../common/numeric.js';
import { LeaseCoordinator, type CoordinatorOptions } from './lease-coordinator.js';
import type { LeaseGrantMsg, WorkerToCoordinator } from './lease-protocol.js';
import { LeaseWorker, ADMITTED, PENDING } from './lease-worker.js';
import { applyOverrides, profileForRegion } from '../../common/quota/profiles.js';
import { TokenBucket, burstFor } from '../../common/quota/token-bucket.js';

const S = 1e9;

export interface SimOptions {
  readonly workers: number;
  /** Quota of the simulated bucket (symmetric class), requests/second. */
  readonly quota: number;
  readonly burstSeconds?: number;
  /** Total arrival rate as a multiple of the quota. */
  readonly load: number;
  /** Share of arrivals per worker at time t (ns); must sum to 1. */
  readonly shares: readonly number[] | ((tNs: number) => readonly number[]);
  readonly seconds: number;
  /** Steady-state rate is measured over [warmupSeconds, seconds). */
  readonly warmupSeconds: number;
  /** One-way IPC latency, uniform in [min, max] ns. */
  readonly latencyNs?: readonly [number, number];
  readonly tickNs?: number;
  readonly seed?: number;
  readonly coordinator?: Omit<CoordinatorOptions, 'rates'>;
  readonly horizonNs?: number;
  readonly onMiss?: 'wait' | 'throttle';
}

export interface SimResult {
  readonly arrivals: number;
  readonly admitted: number;
  readonly throttled: number;
  /** Admitted per second over the steady window, divided by the quota. */
  readonly steadyRatio: number;
  /** max over windows [a, b] of admitted − (burst + quota·(b − a)); ≤ 0 means within the envelope. */
  readonly envelopeExcess: number;
  /** What one bucket in one process would admit for the same arrivals. */
  readonly oracleAdmitted: number;
  readonly messagesToCoordinator: number;
  /** Requests decided without an IPC round trip. */
  readonly localDecisions: number;
  readonly maxWaitNs: number;
  readonly undecided: number;
  readonly burst: number;
}


type Ev = { t: number; seq: number; kind: 0 | 1 | 2 | 3; w: number; msg?: unknown };

class Heap {
  private a: Ev[] = [];
  get size(): number {
    return this.a.length;
  }
  push(e: Ev): void {
    const a = this.a;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(a[p]!, e)) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = e;
  }
  pop(): Ev {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && less(a[r]!, a[l]!) ? r : l;
        if (less(last, a[c]!)) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
const less = (x: Ev, y: Ev): boolean => x.t < y.t || (x.t === y.t && x.seq < y.seq);

export function simulateLeases(o: SimOptions): SimResult {
  const region = 'eu-north-1';
  const account = '111122223333';
  const burstSeconds = o.burstSeconds ?? 1;
  const rates = () => applyOverrides(profileForRegion(region), [`symmetric=${o.quota}`, `burst-seconds=${burstSeconds}`]);
  const random = mulberry32(o.seed ?? 1);
  const [latMin, latMax] = o.latencyNs ?? [50_000, 300_000];
  const latency = () => Math.round(latMin + random() * (latMax - latMin));
  const tickNs = o.tickNs ?? 5e6;
  const end = o.seconds * S;
  const heap = new Heap();
  let seq = 0;
  let now = 0;
  const push = (t: number, kind: Ev['kind'], w: number, msg?: unknown) => heap.push({ t, seq: seq++, kind, w, msg });

  const coordinator = new LeaseCoordinator({ ...o.coordinator, rates });
  const toCoordLast = new Array<number>(o.workers).fill(0);
  const toWorkerLast = new Array<number>(o.workers).fill(0);
  const admittedTimes: number[] = [];
  const arrivalTimes: number[] = [];
  let throttled = 0;
  let localDecisions = 0;
  let messagesToCoordinator = 0;
  let maxWaitNs = 0;
  const pending = new Map<number, number>(); // ticket*64+w → arrival time

  const workers = Array.from(
    { length: o.workers },
    (_, w) =>
      new LeaseWorker({
        worker: w,
        horizonNs: o.horizonNs,
        onMiss: o.onMiss,
        send: (msg: WorkerToCoordinator) => {
          messagesToCoordinator++;
          const t = Math.max(toCoordLast[w]!, now + latency());
          toCoordLast[w] = t;
          push(t, 1, w, msg);
        },
        onDecision: (ticket, admitted) => {
          const key = ticket * 64 + w;
          const arrived = pending.get(key)!;
          pending.delete(key);
          maxWaitNs = Math.max(maxWaitNs, now - arrived);
          if (admitted) admittedTimes.push(now);
          else throttled++;
        },
      }),
  );

  // Arrivals: one Poisson stream at load × quota, each arrival assigned to a worker by share.
  const lambda = (o.load * o.quota) / S;
  const nextArrival = (t: number) => t - Math.log(1 - random()) / lambda;
  push(nextArrival(0), 0, -1);
  for (let w = 0; w < o.workers; w++) push(tickNs, 3, w);

  while (heap.size) {
    const e = heap.pop();
    now = e.t;
    switch (e.kind) {
      case 0: {
        if (now >= end) break;
        const shares = typeof o.shares === 'function' ? o.shares(now) : o.shares;
        let u = random();
        let w = 0;
        while (w < o.workers - 1 && u >= shares[w]!) u -= shares[w++]!;
        arrivalTimes.push(now);
        const d = workers[w]!.acquire(account, region, 'symmetric', now);
        if (d === PENDING) pending.set(workers[w]!.lastTicket * 64 + w, now);
        else {
          localDecisions++;
          if (d === ADMITTED) admittedTimes.push(now);
          else throttled++;
        }
        push(nextArrival(now), 0, -1);
        break;
      }
      case 1: {
        const reply = coordinator.handle(e.msg as WorkerToCoordinator, now);
        if (reply) {
          const t = Math.max(toWorkerLast[e.w]!, now + latency());
          toWorkerLast[e.w] = t;
          push(t, 2, e.w, reply);
        }
        break;
      }
      case 2:
        workers[e.w]!.onMessage(e.msg as LeaseGrantMsg, now);
        break;
      case 3:
        workers[e.w]!.tick(now);
        if (now < end + S) push(now + tickNs, 3, e.w);
        break;
    }
  }

  admittedTimes.sort((a, b) => a - b);
  const burst = burstFor(o.quota, burstSeconds);
  // Envelope: max over i ≤ j of (j − i + 1) − burst − quota·(t_j − t_i).
  const perNs = o.quota / S;
  let minPrefix = Infinity;
  let excess = -Infinity;
  admittedTimes.forEach((t, j) => {
    minPrefix = Math.min(minPrefix, j - perNs * t);
    excess = Math.max(excess, j - perNs * t - minPrefix + 1 - burst);
  });
  const warm = o.warmupSeconds * S;
  const steady = admittedTimes.filter((t) => t >= warm && t < end).length;
  const oracle = new TokenBucket(o.quota, burst, 0);
  const oracleAdmitted = arrivalTimes.filter((t) => oracle.tryTake(t)).length;
  return {
    arrivals: arrivalTimes.length,
    admitted: admittedTimes.length,
    throttled,
    steadyRatio: steady / (o.quota * (o.seconds - o.warmupSeconds)),
    envelopeExcess: excess,
    oracleAdmitted,
    messagesToCoordinator,
    localDecisions,
    maxWaitNs,
    undecided: pending.size,
    burst,
  };
}
