/**
 * `kmsbench plan --simulate`: the workload's arrival process run through the quota model's
 * `Limiter` on a simulated clock — no server, no sleeping, deterministic for a seed.
 *
 * - Every stream is a Poisson process at its peak rate (or average with `load: 'average'`); the
 *   superposition is generated as one Poisson process of the total rate whose events are marked
 *   with a stream in proportion to its rate (exactly equivalent, no sorting).
 * - Data-key streams are simulated message by message: each message goes to a random partition
 *   (instance × key × context) whose data-key cache (max age, max messages, max bytes) serves it
 *   or misses; a miss is a GenerateDataKey request, and a throttled one leaves the cache empty
 *   (the next message tries again). So the simulation checks the closed-form hit ratio too, and
 *   shows the cold start (every cache empty at t = 0).
 * - `follow` reads are a Poisson stream at the closed-form Decrypt rate.
 * - Each request is admitted with `Limiter.admitRoute` (all of its charges, e.g. a custom key
 *   store's, or none); per-second admitted/throttled per bucket come from the limiter's own
 *   counters.
 *
 * @module
 */
import { Limiter } from '../../common/quota/limiter.js';
import { quotaClass, type QuotaClassId } from '../../common/quota/classes.js';
import { CacheBank, mulberry32 } from './cache.js';
import { chargesOf, classKeyId, type Stream } from './rates.js';
import { quotasOf, type PlanResult } from './capacity-plan.js';
import type { Workload } from './workload.js';

export interface SimulateOptions {
  /** Simulated seconds (default 60). */
  seconds?: number;
  seed?: number;
  /** Rates to simulate (default peak). */
  load?: 'peak' | 'average';
  /** Seconds at the start left out of the steady-state figures (default: 10 % of the run, ≥ 1). */
  warmupSeconds?: number;
  /**
   * Start with every data-key cache empty (a fleet restart). Default: caches are warmed for one
   * max age (at most 300 s) before t = 0 without charging any quota, so the run shows the steady state.
   */
  coldStart?: boolean;
}

/** Longest cache pre-warm, simulated seconds. */
export const MAX_PREWARM_SECONDS = 300;

export interface SimClass {
  id: string;
  cls: QuotaClassId;
  keyStoreId?: string;
  quota: number;
  /** Closed-form request rate of the plan at this load. */
  expectedPerSecond: number;
  offered: number;
  admitted: number;
  throttled: number;
  offeredPerSecond: number;
  admittedPerSecond: number;
  /** throttled / offered, whole run. */
  throttledRatio: number;
  /** throttled / offered after the warm-up. */
  steadyThrottledRatio: number;
  /** Admitted per second after the warm-up. */
  steadyAdmittedPerSecond: number;
  /** Second with the most throttles (−1 if none). */
  worstSecond: number;
  worstSecondThrottled: number;
  firstThrottledSecond: number;
}

export interface SimStream {
  id: string;
  expectedPerSecond: number;
  offered: number;
  admitted: number;
  throttled: number;
  /** Data-key streams: messages and cache hits. */
  messages?: number;
  hits?: number;
  hitRatio?: number;
  expectedHitRatio?: number;
}

export interface SimulationResult {
  kind: 'kmsbench.simulation';
  seconds: number;
  seed: number;
  load: 'peak' | 'average';
  warmupSeconds: number;
  coldStart: boolean;
  events: number;
  classes: SimClass[];
  streams: SimStream[];
  /** Per-second admitted/throttled per class id. */
  perSecond: Record<string, { admitted: number[]; throttled: number[] }>;
}

interface Source {
  stream: Stream;
  /** Events per second (messages for data-key streams, requests otherwise). */
  rate: number;
  bank?: CacheBank;
  offered: number;
  admitted: number;
  throttled: number;
  messages: number;
  hits: number;
}

const ACCOUNT = '111122223333';

export function simulateWorkload(w: Workload, plan: PlanResult, options: SimulateOptions = {}): SimulationResult {
  const seconds = Math.max(1, Math.floor(options.seconds ?? 60));
  const seed = options.seed ?? 1;
  const load = options.load ?? 'peak';
  const warmupSeconds = Math.min(seconds - 1, Math.max(options.warmupSeconds ?? Math.ceil(seconds / 10), 0));
  const quotas = quotasOf({ ...w, region: plan.workload.region, quotaProfile: plan.workload.quotaProfile, quotaOverrides: plan.workload.quotaOverrides });
  const region = plan.workload.region;
  const services = new Map(w.services.map((s) => [s.name, s]));
  const keys = new Map(w.keys.map((k) => [k.name, k]));

  const sources: Source[] = plan.streams.map((stream) => {
    const base = { stream, offered: 0, admitted: 0, throttled: 0, messages: 0, hits: 0 };
    if (stream.kind === 'encrypt-data-key' && stream.messages) {
      const svc = services.get(stream.service)!;
      const enc = svc.encrypt!;
      const partitions = svc.instances * keys.get(svc.key)!.count * enc.contexts;
      return { ...base, rate: stream.messages[load], bank: new CacheBank(partitions, enc.messageBytes, stream.cache) };
    }
    return { ...base, rate: stream[load] };
  });
  const live = sources.filter((s) => s.rate > 0);
  const total = live.reduce((n, s) => n + s.rate, 0);
  const cumulative = new Float64Array(live.length);
  live.reduce((acc, s, i) => (cumulative[i] = acc + s.rate), 0);

  let nowNs = 0;
  const limiter = new Limiter({ clock: () => nowNs, rates: () => quotas });
  const bucketId = (cls: QuotaClassId, keyStoreId: string) => (keyStoreId ? `${cls}:${keyStoreId}` : cls);
  const perSecond: Record<string, { admitted: number[]; throttled: number[] }> = {};
  const prev = new Map<string, { allowed: number; throttled: number }>();
  const closeSecond = (second: number) => {
    for (const b of limiter.snapshot(nowNs)) {
      if (b.account !== ACCOUNT && b.keyStoreId === '') continue;
      const id = bucketId(b.cls, b.keyStoreId);
      const p = prev.get(id) ?? { allowed: 0, throttled: 0 };
      const series = (perSecond[id] ??= { admitted: new Array<number>(seconds).fill(0), throttled: new Array<number>(seconds).fill(0) });
      series.admitted[second] = b.allowed - p.allowed;
      series.throttled[second] = b.throttled - p.throttled;
      prev.set(id, { allowed: b.allowed, throttled: b.throttled });
    }
  };

  const rand = mulberry32(seed);
  if (!options.coldStart) {
    for (const src of live) {
      const bank = src.bank;
      if (!bank?.cache) continue;
      const span = Math.min(bank.cache.maxAgeSeconds, MAX_PREWARM_SECONDS);
      for (let t0 = -span; ; ) {
        t0 += -Math.log(1 - rand()) / src.rate;
        if (t0 >= 0) break;
        const p = Math.floor(rand() * bank.partitions);
        if (!bank.use(p, t0)) bank.fill(p, t0);
      }
    }
  }
  let events = 0;
  let t = 0;
  let second = 0;
  const end = seconds;
  const request = (src: Source): boolean => {
    src.offered++;
    const ks = src.stream.customKeyStore?.id;
    const ok = limiter.admitRoute(ACCOUNT, region, src.stream.route, nowNs, ks);
    if (ok) src.admitted++;
    else src.throttled++;
    return ok;
  };
  if (total > 0) {
    for (;;) {
      t += -Math.log(1 - rand()) / total;
      if (t >= end) break;
      while (t >= second + 1) {
        nowNs = Math.round((second + 1) * 1e9);
        closeSecond(second++);
      }
      nowNs = Math.round(t * 1e9);
      events++;
      const u = rand() * total;
      let i = 0;
      while (i < live.length - 1 && cumulative[i]! <= u) i++;
      const src = live[i]!;
      if (src.bank) {
        src.messages++;
        const p = Math.floor(rand() * src.bank.partitions);
        if (src.bank.use(p, t)) src.hits++;
        else if (request(src)) src.bank.fill(p, t);
      } else request(src);
    }
  }
  while (second < seconds) {
    nowNs = Math.round((second + 1) * 1e9);
    closeSecond(second++);
  }

  // Per-class totals from the per-second series; expected rates from the plan.
  const expected = new Map<string, number>();
  for (const s of plan.streams) for (const c of chargesOf(s)) expected.set(classKeyId(c.key), (expected.get(classKeyId(c.key)) ?? 0) + s[load] * c.cost);
  const steadySeconds = seconds - warmupSeconds;
  const sum = (xs: number[], from = 0) => xs.slice(from).reduce((n, x) => n + x, 0);
  const classes: SimClass[] = [...expected.keys()].map((id) => {
    const [clsPart, storePart] = id.split(':') as [QuotaClassId, string | undefined];
    const series = perSecond[id] ?? { admitted: new Array<number>(seconds).fill(0), throttled: new Array<number>(seconds).fill(0) };
    const admitted = sum(series.admitted);
    const throttled = sum(series.throttled);
    const steadyAdmitted = sum(series.admitted, warmupSeconds);
    const steadyThrottled = sum(series.throttled, warmupSeconds);
    let worstSecond = -1;
    let worst = 0;
    series.throttled.forEach((x, i) => {
      if (x > worst) {
        worst = x;
        worstSecond = i;
      }
    });
    quotaClass(clsPart); // validates
    return {
      id,
      cls: clsPart,
      ...(storePart ? { keyStoreId: storePart } : {}),
      quota: quotas.rates[clsPart],
      expectedPerSecond: expected.get(id)!,
      offered: admitted + throttled,
      admitted,
      throttled,
      offeredPerSecond: (admitted + throttled) / seconds,
      admittedPerSecond: admitted / seconds,
      throttledRatio: admitted + throttled > 0 ? throttled / (admitted + throttled) : 0,
      steadyThrottledRatio: steadyAdmitted + steadyThrottled > 0 ? steadyThrottled / (steadyAdmitted + steadyThrottled) : 0,
      steadyAdmittedPerSecond: steadyAdmitted / steadySeconds,
      worstSecond,
      worstSecondThrottled: worst,
      firstThrottledSecond: series.throttled.findIndex((x) => x > 0),
    };
  });
  classes.sort((a, b) => b.throttledRatio - a.throttledRatio || b.expectedPerSecond / (b.quota || 1) - a.expectedPerSecond / (a.quota || 1));
  const streams: SimStream[] = sources.map((s) => ({
    id: s.stream.id,
    expectedPerSecond: s.stream[load],
    offered: s.offered,
    admitted: s.admitted,
    throttled: s.throttled,
    ...(s.bank
      ? { messages: s.messages, hits: s.hits, hitRatio: s.messages ? s.hits / s.messages : 0, expectedHitRatio: s.stream.hitRatio?.[load] ?? 0 }
      : {}),
  }));
  return { kind: 'kmsbench.simulation', seconds, seed, load, warmupSeconds, coldStart: !!options.coldStart, events, classes, streams, perSecond };
}
