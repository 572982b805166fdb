/**
 * The quota stage of the server: admits or throttles each request against the account's
 * per-Region quotas, in one process ({@link LocalAdmission}, a {@link Limiter}) or across cluster
 * workers ({@link LeaseAdmission}, token leases from the primary's {@link LeaseCoordinator}).
 *
 * Which quotas apply is configuration ({@link QuotaSettings}): the Region's profile (current AWS
 * defaults or a historical one), a quota file, `CLASS=RATE` overrides, or none at all.
 *
 * @module
 */
import type { KeyInfo } from '../../common/quota/classes.js';
import { QUOTA_CLASSES, quotaRouteFor, type QuotaClassId } from '../../common/quota/classes.js';
import type { CoordinatorBucketSnapshot } from './lease-coordinator.js';
import type { CoordinatorToWorker, WorkerToCoordinator } from './lease-protocol.js';
import { ADMITTED, LeaseWorker, PENDING } from './lease-worker.js';
import { Limiter, type RateResolver } from '../../common/quota/limiter.js';
import { applyOverrides, getProfile, parseQuotaFileText, profileForRegion, type QuotaProfile } from '../../common/quota/profiles.js';
import { monotonicNs } from '../../common/quota/token-bucket.js';

/** Serializable quota configuration (it travels to cluster workers as JSON). */
export interface QuotaSettings {
  /** false: nothing is throttled (`--no-quotas`). */
  enabled: boolean;
  /** Built-in profile name (`current`, `tier-50k`, `tier-30k`, `2018`, `legacy-2017`). */
  profile: string;
  /** Text of a quota file (`--quota-file`), which replaces `profile`. */
  quotaFileText?: string;
  /** `CLASS=RATE` overrides applied on top (`--quota`). */
  overrides: string[];
  /**
   * Number of separate servers sharing one account's quota (`--quota-share N`): each enforces
   * 1/N of every rate and burst. Default 1. (Workers of one server never need this: they share
   * exact buckets through the primary.)
   */
  share?: number;
}

export const DEFAULT_QUOTA_SETTINGS: QuotaSettings = { enabled: true, profile: 'current', overrides: [] };

/** The profile the settings describe, checked (throws QuotaConfigError on bad input). */
export function quotaProfileOf(settings: QuotaSettings): QuotaProfile {
  const base = settings.quotaFileText !== undefined ? parseQuotaFileText(settings.quotaFileText) : getProfile(settings.profile);
  return settings.overrides.length > 0 ? applyOverrides(base, settings.overrides) : base;
}

export function rateResolver(settings: QuotaSettings): RateResolver {
  const profile = quotaProfileOf(settings);
  const share = settings.share ?? 1;
  if (!(share >= 1) || !Number.isInteger(share)) throw new RangeError(`quota share must be a whole number >= 1, got ${share}`);
  const cache = new Map<string, ReturnType<typeof profileForRegion>>();
  return (_account, region) => {
    let r = cache.get(region);
    if (!r) {
      const full = profileForRegion(region, profile);
      r = share === 1 ? full : { ...full, rates: Object.fromEntries(Object.entries(full.rates).map(([c, rate]) => [c, rate / share])) as typeof full.rates };
      cache.set(region, r);
    }
    return r;
  };
}

/** Per-class totals and bucket levels, for metrics. */
export interface QuotaMetrics {
  counters: Partial<Record<QuotaClassId, { allowed: number; throttled: number }>>;
  buckets: Array<{ account: string; region: string; cls: string; rate: number; capacity: number; level: number }>;
  /** Calls the injection stage delayed or failed, by `OPERATION|KIND` (inject/injector.ts); summed over workers. */
  injected?: Record<string, number>;
}

export interface Admission {
  /** true: go on; false: throttle; a promise when the decision needs the primary (cluster). */
  admit(account: string, region: string, operation: string, keyInfo: KeyInfo | undefined): boolean | Promise<boolean>;
  /** This process's counters (and, single-process, its buckets). */
  metrics(): QuotaMetrics;
}

/** One process: buckets live here. */
export class LocalAdmission implements Admission {
  private readonly limiter: Limiter;

  constructor(settings: QuotaSettings, clock: () => number = monotonicNs) {
    this.limiter = new Limiter({ clock, rates: rateResolver(settings) });
  }

  admit(account: string, region: string, operation: string, keyInfo: KeyInfo | undefined): boolean {
    return this.limiter.admitRoute(account, region, quotaRouteFor(operation, keyInfo));
  }

  metrics(): QuotaMetrics {
    return {
      counters: nonZero(this.limiter.counters()),
      buckets: this.limiter.snapshot().map((b) => ({
        account: b.account,
        region: b.region,
        cls: b.cls,
        rate: b.rate,
        capacity: b.capacity,
        level: b.level,
      })),
    };
  }
}

/** A cluster worker: admits from token leases; the primary's coordinator owns the buckets. */
export class LeaseAdmission implements Admission {
  private readonly worker: LeaseWorker;
  private readonly waiting = new Map<number, (ok: boolean) => void>();
  private readonly allowed = new Float64Array(QUOTA_CLASSES.length);
  private readonly throttled = new Float64Array(QUOTA_CLASSES.length);

  constructor(workerId: number, send: (m: WorkerToCoordinator) => void) {
    this.worker = new LeaseWorker({
      worker: workerId,
      send,
      onDecision: (ticket, ok) => {
        const resolve = this.waiting.get(ticket);
        this.waiting.delete(ticket);
        resolve?.(ok);
      },
    });
    setInterval(() => this.worker.tick(monotonicNs()), 5).unref();
  }

  /** Feeds a coordinator message (grant) to the lease worker. */
  onMessage(m: CoordinatorToWorker): void {
    this.worker.onMessage(m, monotonicNs());
  }

  admit(account: string, region: string, operation: string, keyInfo: KeyInfo | undefined): boolean | Promise<boolean> {
    // Custom key stores are not supported by the reference server yet, so a route has one charge.
    const route = quotaRouteFor(operation, keyInfo);
    const decision = this.worker.acquire(account, region, route.cls, monotonicNs(), route.cost);
    if (decision === PENDING) {
      const ticket = this.worker.lastTicket;
      return new Promise<boolean>((resolve) => this.waiting.set(ticket, resolve)).then((ok) => this.count(route.classIndex, ok));
    }
    return this.count(route.classIndex, decision === ADMITTED);
  }

  private count(classIndex: number, ok: boolean): boolean {
    if (ok) this.allowed[classIndex]!++;
    else this.throttled[classIndex]!++;
    return ok;
  }

  metrics(): QuotaMetrics {
    const counters: QuotaMetrics['counters'] = {};
    for (const c of QUOTA_CLASSES) {
      const allowed = this.allowed[c.index]!;
      const throttled = this.throttled[c.index]!;
      if (allowed || throttled) counters[c.id] = { allowed, throttled };
    }
    return { counters, buckets: [] };
  }
}

/** Adds counters of several workers and the coordinator's bucket levels into one view. */
export function mergeMetrics(parts: QuotaMetrics[], coordinator: CoordinatorBucketSnapshot[] = []): QuotaMetrics {
  const counters: QuotaMetrics['counters'] = {};
  for (const p of parts) {
    for (const [cls, c] of Object.entries(p.counters) as [QuotaClassId, { allowed: number; throttled: number }][]) {
      const t = (counters[cls] ??= { allowed: 0, throttled: 0 });
      t.allowed += c.allowed;
      t.throttled += c.throttled;
    }
  }
  const buckets = parts.flatMap((p) => p.buckets);
  const injected: Record<string, number> = {};
  for (const p of parts) for (const [k, n] of Object.entries(p.injected ?? {})) injected[k] = (injected[k] ?? 0) + n;
  for (const b of coordinator) {
    buckets.push({
      account: b.bucket.account,
      region: b.bucket.region,
      cls: b.bucket.cls,
      rate: b.rate,
      capacity: b.capacity,
      // Leased tokens not yet spent are still available to the account.
      level: b.free + b.outstanding,
    });
  }
  return { counters, buckets, ...(Object.keys(injected).length > 0 ? { injected } : {}) };
}

function nonZero(all: Record<QuotaClassId, { allowed: number; throttled: number }>): QuotaMetrics['counters'] {
  const out: QuotaMetrics['counters'] = {};
  for (const [cls, c] of Object.entries(all) as [QuotaClassId, { allowed: number; throttled: number }][]) {
    if (c.allowed || c.throttled) out[cls] = { ...c };
  }
  return out;
}

const label = (v: string) => v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** Prometheus text exposition of quota metrics. */
export function prometheusText(m: QuotaMetrics): string {
  const lines: string[] = [
    '# HELP kmsbench_quota_allowed_total Requests admitted, by quota class.',
    '# TYPE kmsbench_quota_allowed_total counter',
  ];
  const classes = Object.entries(m.counters).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [cls, c] of classes) lines.push(`kmsbench_quota_allowed_total{class="${label(cls)}"} ${c!.allowed}`);
  lines.push('# HELP kmsbench_quota_throttled_total Requests throttled (ThrottlingException), by quota class.');
  lines.push('# TYPE kmsbench_quota_throttled_total counter');
  for (const [cls, c] of classes) lines.push(`kmsbench_quota_throttled_total{class="${label(cls)}"} ${c!.throttled}`);
  for (const [name, help, pick] of [
    ['kmsbench_quota_bucket_level', 'Tokens available now in the bucket.', (b: QuotaMetrics['buckets'][number]) => b.level],
    ['kmsbench_quota_bucket_capacity', 'Bucket capacity (burst) in tokens.', (b: QuotaMetrics['buckets'][number]) => b.capacity],
    ['kmsbench_quota_rate', 'Quota in requests per second.', (b: QuotaMetrics['buckets'][number]) => b.rate],
  ] as const) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const b of m.buckets) {
      lines.push(`${name}{account="${label(b.account)}",region="${label(b.region)}",class="${label(b.cls)}"} ${Number(pick(b).toFixed(3))}`);
    }
  }
  return lines.join('\n') + '\n';
}
