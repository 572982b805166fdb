/**
 * Load suites and what they run with. A suite (suites/load/*.ts) is a named, documented recipe:
 * it prepares a fixture, runs phases through the context (open-model runs, envelope streams,
 * closed-loop saturation, micro benchmarks) and turns them into an analysis. `runLoad`
 * (run.ts) builds the context and `load.json` around the target it is given.
 *
 * @module
 */
import type { EmbeddedQuotas } from '../target/types.js';
import type { ServerQuotaMetrics } from '../target/quota-metrics.js';
import type { MicroBench } from './micro.js';
import type { Endpoint, Fixture } from './operations.js';
import type { Analysis, DataKeyCache, Phase, RunResult } from '../results/load-results.js';
import type { SaturateResult } from './saturate.js';
import type { RetrySpec } from './sdk.js';
import type { Arrivals, Idle, Stage } from './schedule.js';
import type { OperationSpecInput, RequestMix } from './request-mix.js';

export type LoadMode = 'open' | 'saturate';

export interface QuotaInfo {
  symmetric: number;
  source: 'embedded' | 'flag' | 'metrics';
}

/** The endpoint as a suite sees it (load.json's `endpoint`). */
export interface LoadTarget extends Endpoint {
  kind: 'embedded' | 'url';
  /** The embedded server's quota overrides (null: quotas off, or not embedded). */
  embeddedQuotas: string[] | null;
  quota: QuotaInfo | null;
}

export interface EmbeddedQuota {
  symmetric: number;
  /** Bucket size in seconds of quota (the server's default is 1). */
  burstSeconds?: number;
}

export interface SuiteOptions {
  mode: LoadMode;
  client: 'raw' | 'sdk';
  retry: RetrySpec;
  /** `--rate` (null: the suite's default). */
  rate: number | null;
  /** Length of each measured phase (the suite's default unless `--duration`). */
  durationMs: number;
  /** `--duration` was given (a workload's own duration yields to it). */
  durationGiven: boolean;
  arrivals: Arrivals;
  /** `--arrivals` was given (a workload's own arrivals yield to it). */
  arrivalsGiven: boolean;
  threads: number | 'auto';
  /** Connections per thread for the raw client; closed-loop connections in saturate mode. */
  connections: number;
  /** How the generator waits for arrivals under 3 ms away (schedule.ts). */
  idle: Idle;
  seed: number;
  workload?: RequestMix;
  /** Existing keys to use instead of creating them (first: main key, second: ReEncrypt destination). */
  keyIds?: string[];
}

export interface OpenPhaseSpec {
  name: string;
  description?: string;
  /** The mix (one entry: a single operation). */
  specs: OperationSpecInput[];
  fixture: Fixture;
  stages: Stage[];
  /** Default: the run's `--client`. */
  client?: 'raw' | 'sdk';
  /** SDK retry policy (default: the run's `--retry`). */
  retry?: RetrySpec;
  arrivals?: Arrivals;
  /** Wait this long for calls in flight after the schedule (default 10 s). */
  drainMs?: number;
}

export interface EnvelopePhaseSpec {
  name: string;
  description?: string;
  keyId: string;
  stages: Stage[];
  messageBytes: number;
  contexts: number;
  cache: DataKeyCache | null;
}

export interface SuiteContext {
  target: LoadTarget;
  options: SuiteOptions;
  /** The symmetric quota (embedded, `--quota` or the endpoint's metrics); throws when unknown. */
  quota(): Promise<number>;
  log(line: string): void;
  prepare(specs: OperationSpecInput[]): Promise<Fixture>;
  open(spec: OpenPhaseSpec): Promise<{ phase: Phase; result: RunResult }>;
  envelope(spec: EnvelopePhaseSpec): Promise<{ phase: Phase; result: RunResult }>;
  saturate(spec: { name: string; specs: OperationSpecInput[]; fixture: Fixture; durationMs: number }): Promise<{ phase: Phase; result: SaturateResult }>;
  /** The endpoint's own symmetric quota counters, when it exposes kmsbench metrics. */
  serverMetrics(): Promise<ServerQuotaMetrics | undefined>;
  /** Pause (lets quota buckets refill between phases). */
  sleep(ms: number): Promise<void>;
  /**
   * Sets what a kmsbench reference server injects (`KmsBench.SetInjection`: `--inject` items;
   * none stops injecting). False when the endpoint has no such control (not a kmsbench server).
   */
  setInjection(items: string[]): Promise<boolean>;
  /** The in-process benchmarks the caller gave (the micro suite runs them). */
  microBenches(): Promise<MicroBench[]>;
}

export interface SuiteOutput {
  phases: Phase[];
  analysis: Analysis;
  warnings?: string[];
}

export interface LoadSuite {
  name: string;
  /** One line. */
  title: string;
  /** What it measures and how, for `--help` and load.json. */
  description: string;
  defaults: { durationMs: number; rate?: number };
  /** The embedded server's quota for this suite (undefined: quotas off). */
  embeddedQuota?: EmbeddedQuota;
  /** The suite needs the endpoint's symmetric quota. */
  needsQuota: boolean;
  /** Needs no endpoint at all (micro benchmarks). */
  inProcess?: boolean;
  modes: LoadMode[];
  run(ctx: SuiteContext): Promise<SuiteOutput>;
  /** Result table lines for the terminal. */
  report(analysis: Analysis): string[];
}

/** The embedded server's quota for `suite` (`--quota` replacing its symmetric rate), or null: quotas off. */
export function embeddedQuotaOf(suite: LoadSuite, quota?: number): EmbeddedQuota | null {
  return suite.embeddedQuota ? { ...suite.embeddedQuota, ...(quota !== undefined ? { symmetric: quota } : {}) } : null;
}

/** How to start the embedded server for `suite` (open the target with these quotas). */
export function embeddedQuotas(suite: LoadSuite, quota?: number): EmbeddedQuotas {
  const q = embeddedQuotaOf(suite, quota);
  if (!q) return { enabled: false };
  return { enabled: true, overrides: [`symmetric=${q.symmetric}`, ...(q.burstSeconds !== undefined ? [`burst-seconds=${q.burstSeconds}`] : [])] };
}

/** A warm-up stage (not measured) at `rate`, for `ms`. */
export const warmup = (rate: number, ms: number): Stage => ({ durationMs: ms, rate, label: 'warm-up', measure: false });

/** Warm-up length for a measured phase of `durationMs`: a quarter, between 200 ms and 2 s. */
export const warmupMs = (durationMs: number): number => Math.round(Math.min(2000, Math.max(200, durationMs / 4)));

export const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

/** The latency figures (ms) a per-operation table shows. */
export interface LatencyColumns {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

/** Their column headings, in the order of {@link latencyCells}. */
export const LATENCY_HEADINGS = ['p50', 'p90', 'p99', 'p99.9', 'max'] as const;

/** The table's figures out of a fuller latency summary. */
export const latencyColumns = (l: LatencyColumns): LatencyColumns => ({ p50: l.p50, p90: l.p90, p99: l.p99, p999: l.p999, max: l.max });

/**
 * An operation's row of an open-model run (latency, mixed): offered and succeeded rates, latency,
 * throttled, errors (requests left unfinished count as errors) and whether the generator saturated.
 */
export const openRowFigures = (
  o: { rates: { offered: number; succeeded: number }; latency: LatencyColumns; counts: { throttled: number; errors: number; unfinished: number } },
  saturated: boolean,
) => ({
  offeredRate: o.rates.offered,
  succeededRate: o.rates.succeeded,
  ...latencyColumns(o.latency),
  throttled: o.counts.throttled,
  errors: o.counts.errors + o.counts.unfinished,
  saturated,
});

/** The figures as table cells, to the microsecond. */
export const latencyCells = (l: LatencyColumns): string[] => [fmt(l.p50, 3), fmt(l.p90, 3), fmt(l.p99, 3), fmt(l.p999, 3), fmt(l.max, 3)];

/** Right-aligned table. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}
