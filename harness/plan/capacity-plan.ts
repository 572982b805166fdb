/**
 * `planWorkload`: the capacity plan of a workload (pure): request streams, per-class peak vs
 * quota, cache advice, monthly cost, and the assumptions behind them.
 *
 * @module
 */
import { classRows, resolveQuotas, type ClassRow } from './quota.js';
import { workloadCost, type CostResult } from './cost.js';
import { workloadStreams, type Stream } from './rates.js';
import { solveCache, type CacheAdvice } from './solve.js';
import type { Workload } from './workload.js';
import type { PlanLatency } from './latency.js';
import type { ResolvedProfile } from '../../common/quota/profiles.js';
import type { PlanFile } from '../results/plan-results.js';

/** Command-line what-ifs applied on top of the file. */
export interface PlanOverrides {
  region?: string;
  quotaProfile?: string;
  /** Appended to the file's quotaOverrides (later wins). */
  quotaOverrides?: readonly string[];
  peakFactor?: number;
}

export interface PlanResult {
  kind: 'kmsbench.plan';
  version: 1;
  workload: {
    name: string;
    description?: string;
    region: string;
    quotaProfile: string;
    quotaOverrides: string[];
    peakFactor: number;
    targetUtilization: number;
  };
  streams: Stream[];
  classes: ClassRow[];
  cacheAdvice: CacheAdvice[];
  /** One line per class that needs attention, plus general notes. */
  advice: string[];
  cost: CostResult;
  /** Modelling assumptions (quota and caching). Pricing assumptions are in cost.assumptions. */
  assumptions: string[];
  /** The plan at an endpoint's measured latency (latency.ts), when a load run measured one. */
  latency?: PlanLatency;
}

/** Compile-time: every plan the planner produces is a plan.json a report accepts (harness/results/plan-results.ts). */
export const planFileOf = (p: PlanResult): PlanFile => p;

export const MODEL_ASSUMPTIONS = [
  'arrivals are Poisson; every service peaks at the same time (peak factor × average)',
  'each instance has its own data-key cache, partitioned by KMS key and encryption context; traffic spreads evenly over instances, keys and contexts; cache capacity holds every partition',
  'decrypt pattern random: one Decrypt per read; pattern follow: readers consume messages soon after they are written (approximation, see harness/plan/cache.ts)',
  'quotas: reference-impl/quota (quotaRouteFor, profileForRegion); one account, one Region; ReplicateKey/UpdatePrimaryRegion charges in the other Region and AWS "hot key" throttling are not modelled',
] as const;

export function applyPlanOverrides(w: Workload, o: PlanOverrides = {}): Workload {
  return {
    ...w,
    ...(o.region ? { region: o.region } : {}),
    ...(o.quotaProfile ? { quotaProfile: o.quotaProfile } : {}),
    ...(o.peakFactor !== undefined ? { peakFactor: o.peakFactor } : {}),
    quotaOverrides: mergeOverrides(w.quotaOverrides, o.quotaOverrides ?? []),
  };
}

/** Later CLASS=RATE items replace earlier ones for the same class (case-insensitive). */
function mergeOverrides(a: readonly string[], b: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const item of [...a, ...b]) out.set(item.split('=')[0]!.trim().toLowerCase(), item);
  return [...out.values()];
}

export function quotasOf(w: Workload): ResolvedProfile {
  return resolveQuotas(w.region, w.quotaProfile, w.quotaOverrides);
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 1 ? x.toFixed(1) : x.toPrecision(2));

export function planWorkload(input: Workload, overrides: PlanOverrides = {}): PlanResult {
  const w = applyPlanOverrides(input, overrides);
  const quotas = quotasOf(w);
  const streams = workloadStreams(w);
  const classes = classRows(streams, quotas, w.targetUtilization);
  const cacheAdvice: CacheAdvice[] = [];
  const advice: string[] = [];
  for (const row of classes) {
    if (row.status === 'ok') continue;
    const pct = `${Math.round(row.utilization * 100)} %`;
    const head = `${row.id}: peak ${fmt(row.peak)}/s is ${pct} of ${fmt(row.quota)}/s`;
    const a = solveCache(w, streams, row);
    if (a) cacheAdvice.push(a);
    const options: string[] = [];
    if (a?.possible) options.push(a.note + ` → peak ${fmt(a.peakAfter!)}/s`);
    else if (a) options.push(a.note);
    if (row.adjustable) options.push(`request a quota increase to ≥ ${fmt(row.suggestedQuota!)}/s (Service Quotas: "${row.awsName}")`);
    else options.push(`this quota cannot be raised: spread keys over more key stores (each has its own ${fmt(row.quota)}/s)`);
    if (row.kind === 'control-plane') options.push(`cache ${row.cls} results in the client (they change rarely)`);
    if ((row.cls === 'rsa' || row.cls === 'ecc' || row.cls === 'ml-dsa') && row.streams.some((id) => id.includes('/Verify/')))
      options.push('verify signatures locally with the public key (GetPublicKey once per instance) instead of calling Verify');
    if (row.streams.some((id) => id.includes('/Encrypt/')) && row.cls === 'symmetric')
      options.push('switch direct Encrypt calls to envelope encryption (GenerateDataKey + a data-key cache)');
    advice.push(`${head} (${row.status === 'over' ? 'OVER quota' : `over the ${Math.round(w.targetUtilization * 100)} % target`}); ${options.join('; or ')}`);
  }
  const s3 = w.services.filter((s) => s.integration === 's3' && !s.s3BucketKey && (s.encrypt || s.decrypt)).map((s) => s.name);
  if (s3.length)
    advice.push(
      `${s3.join(', ')}: S3 SSE-KMS without S3 Bucket Keys makes one KMS request per object PUT and GET; Bucket Keys cut that (AWS: up to 99 %), not modelled here because S3 does not publish how long it reuses a bucket key`,
    );
  const bucketKeys = w.services.filter((s) => s.integration === 's3' && s.s3BucketKey).map((s) => s.name);
  if (bucketKeys.length) advice.push(`${bucketKeys.join(', ')}: S3 Bucket Keys on; planned as one request per object (an upper bound)`);
  const cost = workloadCost(w, streams);
  return {
    kind: 'kmsbench.plan',
    version: 1,
    workload: {
      name: w.name,
      ...(w.description ? { description: w.description.trim() } : {}),
      region: w.region,
      quotaProfile: w.quotaProfile,
      quotaOverrides: [...w.quotaOverrides],
      peakFactor: w.peakFactor,
      targetUtilization: w.targetUtilization,
    },
    streams,
    classes,
    cacheAdvice,
    advice,
    cost,
    assumptions: [...MODEL_ASSUMPTIONS],
  };
}

