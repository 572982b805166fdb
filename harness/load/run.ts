/**
 * `runLoad`: one load suite against one endpoint, start to finish — fixture, phases, analysis —
 * returning the `load.json` document (validated against its schema). The caller opens the target
 * (harness/target; an embedded server with {@link embeddedQuotas}) and closes it afterwards;
 * progress comes as typed events. The CLI (`kmsbench load`) and the main job call this.
 *
 * @module
 */
import { arch, availableParallelism, cpus, loadavg, platform } from 'node:os';
import type { Target } from '../target/types.js';
import type { LoadEvent } from './events.js';
import type { MicroBench } from './micro.js';
import { embeddedQuotaOf, type LoadMode, type LoadSuite, type LoadTarget, type SuiteContext, type SuiteOptions } from './suite.js';
import { cleanupFixture, normalizeSpec, prepareFixture, rawTemplate, signingCostUs, type Fixture } from './operations.js';
import { call } from '../client/raw-client.js';
import { runResult } from './result.js';
import { LOAD_SCHEMA_VERSION, LoadResultsSchema, type LoadResults, type Phase, type RunResult } from '../results/load-results.js';
import { sdkInput, type RetrySpec } from './sdk.js';
import { autoThreads, runOpenJob, runSaturateJob, type OpenJob } from './threads.js';
import { peakRate, type Arrivals, type Idle, type Stage } from './schedule.js';
import type { RequestMix } from './request-mix.js';

export class LoadConfigError extends Error {
  override readonly name = 'LoadConfigError';
}

export interface RunLoadOptions {
  suite: LoadSuite;
  /**
   * The endpoint, opened (an embedded server with `embeddedQuotas(suite, quota)`); the caller
   * closes it. In-process suites (micro) need none.
   */
  target?: Target;
  /** Signing Region recorded when there is no target (default us-east-1). */
  region?: string;
  /** The endpoint's symmetric quota (URL targets), or the embedded server's (default: the suite's). */
  quota?: number;
  mode?: LoadMode;
  client?: 'raw' | 'sdk';
  retry?: RetrySpec;
  rate?: number;
  durationMs?: number;
  arrivals?: Arrivals;
  threads?: number | 'auto';
  connections?: number;
  idle?: Idle;
  seed?: number;
  workload?: RequestMix;
  keyIds?: string[];
  command?: string[];
  /** What the micro suite runs (in-process benchmarks of the client's and the server's parts). */
  microBenches?: () => Promise<MicroBench[]>;
  /** Progress, as typed events (loadEventLines turns them into the lines `kmsbench load` prints). */
  onEvent?: (event: LoadEvent) => void;
  /** Stops the run before its next phase (the phase in progress finishes). */
  signal?: AbortSignal;
}

export class LoadAborted extends Error {
  override readonly name = 'LoadAborted';
}

const SIGNATURE_REFRESH_MS = 120_000;

const totalMs = (stages: readonly Stage[]): number => stages.reduce((t, st) => t + st.durationMs, 0);

/** Checks the suite runs in this mode (before anything starts). */
export function checkMode(suite: LoadSuite, mode: LoadMode): void {
  if (!suite.modes.includes(mode)) throw new LoadConfigError(`the ${suite.name} suite runs in ${suite.modes.join(' or ')} mode, not ${mode}`);
}

export async function runLoad(o: RunLoadOptions): Promise<LoadResults> {
  const suite = o.suite;
  const emit = o.onEvent ?? (() => {});
  /** An open-model phase that ran: its results as a phase, announced. */
  const openPhaseDone = (spec: { name: string; description?: string }, result: RunResult) => {
    const phase: Phase = { kind: 'open', name: spec.name, ...(spec.description ? { description: spec.description } : {}), result };
    emit({ type: 'phase-done', name: spec.name, phase });
    return { phase, result };
  };
  const mode = o.mode ?? 'open';
  checkMode(suite, mode);
  const options: SuiteOptions = {
    mode,
    client: o.client ?? 'raw',
    retry: o.retry ?? { mode: 'off' },
    rate: o.rate ?? null,
    durationMs: o.durationMs ?? suite.defaults.durationMs,
    durationGiven: o.durationMs !== undefined,
    arrivals: o.arrivals ?? 'constant',
    arrivalsGiven: o.arrivals !== undefined,
    threads: o.threads ?? 'auto',
    connections: o.connections ?? (mode === 'saturate' ? 64 : 512),
    idle: o.idle ?? 'auto',
    seed: o.seed ?? 1,
    ...(o.workload ? { workload: o.workload } : {}),
    ...(o.keyIds?.length ? { keyIds: o.keyIds } : {}),
  };
  const startedAt = new Date();
  const environment = {
    node: process.version,
    platform: platform(),
    arch: arch(),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  };
  const opened = suite.inProcess ? undefined : o.target;
  if (!suite.inProcess && !opened) throw new LoadConfigError(`the ${suite.name} suite needs an endpoint`);
  const region = opened?.region ?? o.region ?? 'us-east-1';
  const target = opened ? loadTarget(opened, suite, o.quota) : undefined;
  const fixtures: Fixture[] = [];
  const needTarget = (): LoadTarget => {
    if (!target) throw new LoadConfigError(`the ${suite.name} suite runs in-process, without an endpoint`);
    return target;
  };
  const threadsFor = (job: OpenJob) => (options.threads === 'auto' ? autoThreads(job) : options.threads);
  const checkAbort = () => {
    if (o.signal?.aborted) throw new LoadAborted('interrupted');
  };

  const ctx: SuiteContext = {
    get target() {
      return needTarget();
    },
    options,
    log: (text) => emit({ type: 'note', text }),
    async quota() {
      const t = needTarget();
      if (t.quota) return t.quota.symmetric;
      const m = await opened!.quotaMetrics();
      if (m?.symmetricRate !== undefined && m.symmetricRate > 0) {
        t.quota = { symmetric: m.symmetricRate, source: 'metrics' };
        emit({ type: 'quota-found', symmetric: m.symmetricRate, source: 'metrics' });
        return m.symmetricRate;
      }
      throw new LoadConfigError(`the ${suite.name} suite needs the endpoint's symmetric request quota: pass --quota N (requests per second)`);
    },
    async prepare(specs) {
      const f = await prepareFixture(needTarget(), specs, { keyIds: options.keyIds });
      fixtures.push(f);
      return f;
    },
    async open(spec) {
      checkAbort();
      const t = needTarget();
      const specs = spec.specs.map(normalizeSpec);
      const client = spec.client ?? options.client;
      const arrivals = spec.arrivals ?? options.arrivals;
      const common = { stages: spec.stages, arrivals, seed: options.seed, idle: options.idle, weights: specs.map((s) => s.weight), ...(spec.drainMs !== undefined ? { drainMs: spec.drainMs } : {}) };
      emit({ type: 'phase-start', name: spec.name, kind: 'open', peakRate: peakRate(spec.stages), durationMs: totalMs(spec.stages) });
      let job: OpenJob;
      let signingUs: number | undefined;
      let retry: RetrySpec | undefined;
      if (client === 'raw') {
        const templates = await Promise.all(specs.map((s) => rawTemplate(t, s, spec.fixture)));
        signingUs = await signingCostUs(t, specs[0]!, spec.fixture, 100);
        job = {
          kind: 'raw',
          plan: { url: t.url, templates, maxConnections: options.connections, resign: { region: t.region, credentials: t.credentials, everyMs: SIGNATURE_REFRESH_MS }, ...common },
        };
      } else {
        retry = spec.retry ?? options.retry;
        const calls = specs.map((s) => ({ label: s.label, operation: s.operation, input: sdkInput(s, spec.fixture) }));
        job = { kind: 'sdk', plan: { url: t.url, region: t.region, credentials: t.credentials, retry, calls, maxSockets: options.connections, ...common } };
      }
      const threads = threadsFor(job);
      const run = await runOpenJob(job, threads);
      const result = runResult(run, { client, arrivals, ...(retry ? { retry } : {}), ...(signingUs !== undefined ? { signingUs } : {}), threads });
      return openPhaseDone(spec, result);
    },
    async envelope(spec) {
      checkAbort();
      const t = needTarget();
      const retry = options.retry;
      emit({ type: 'phase-start', name: spec.name, kind: 'envelope', peakRate: peakRate(spec.stages), durationMs: totalMs(spec.stages) });
      const job: OpenJob = {
        kind: 'envelope',
        plan: {
          url: t.url,
          region: t.region,
          credentials: t.credentials,
          retry,
          keyId: spec.keyId,
          messageBytes: spec.messageBytes,
          contexts: spec.contexts,
          cache: spec.cache,
          stages: spec.stages,
          arrivals: options.arrivals,
          seed: options.seed,
          idle: options.idle,
          maxSockets: options.connections,
        },
      };
      const threads = threadsFor(job);
      const result = runResult(await runOpenJob(job, threads), { client: 'envelope', arrivals: options.arrivals, retry, threads });
      return openPhaseDone(spec, result);
    },
    async saturate(spec) {
      checkAbort();
      const t = needTarget();
      const specs = spec.specs.map(normalizeSpec);
      const templates = await Promise.all(specs.map((s) => rawTemplate(t, s, spec.fixture)));
      emit({ type: 'phase-start', name: spec.name, kind: 'saturate', peakRate: null, durationMs: spec.durationMs });
      const r = await runSaturateJob({ url: t.url, templates, weights: specs.map((s) => s.weight), connections: options.connections, durationMs: spec.durationMs, seed: options.seed }, options.threads === 0 ? 0 : 1);
      const phase: Phase = { kind: 'saturate', name: spec.name, result: r };
      emit({ type: 'phase-done', name: spec.name, phase });
      return { phase, result: r };
    },
    serverMetrics: () => {
      needTarget();
      return opened!.quotaMetrics();
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    async setInjection(items) {
      const t = needTarget();
      const r = await call({ endpoint: t.url, region: t.region, credentials: t.credentials, target: 'KmsBench.SetInjection', body: { Inject: items } }).catch(() => undefined);
      return r?.status === 200;
    },
    async microBenches() {
      if (!o.microBenches) throw new LoadConfigError(`the ${suite.name} suite needs its benchmarks (RunLoadOptions.microBenches)`);
      return o.microBenches();
    },
  };

  try {
    const out = await suite.run(ctx);
    const warnings = [...(out.warnings ?? [])];
    for (const p of out.phases) {
      if (p.kind !== 'open') continue;
      const r = p.result;
      if (r.generator.saturated) {
        const t = r.generator.threads;
        const hint = t < availableParallelism() ? `; it ran on ${Math.max(1, t)} thread(s): --threads ${Math.max(1, t) + 1} spreads it further` : '; the machine may be busy or too small for this rate';
        warnings.push(`${p.name}: the load generator saturated (${r.generator.reasons.join('; ')}); its figures describe the generator, not the endpoint${hint}`);
      }
      else if (r.generator.connectionLimited) warnings.push(`${p.name}: ${r.generator.reasons.join('; ')}`);
      const unexpected = Object.entries(r.errorCodes).filter(([code]) => code !== 'ThrottlingException');
      if (unexpected.length) warnings.push(`${p.name}: errors ${unexpected.map(([c, n]) => `${c} ×${n}`).join(', ')}`);
    }
    const results: LoadResults = {
      kind: 'kmsbench-load',
      schemaVersion: LOAD_SCHEMA_VERSION,
      suite: suite.name,
      description: suite.description,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command: o.command ?? [],
      endpoint: {
        kind: target ? target.kind : 'none',
        url: target?.url ?? null,
        region,
        quota: target?.quota ?? null,
        embeddedQuotas: target?.embeddedQuotas ?? null,
      },
      options: {
        mode,
        client: options.client,
        retry: options.retry,
        rate: options.rate,
        durationMs: options.durationMs,
        arrivals: options.arrivals,
        threads: options.threads,
        connections: options.connections,
        idle: options.idle,
        seed: options.seed,
      },
      environment,
      phases: out.phases,
      analysis: out.analysis,
      warnings,
    };
    const checked = LoadResultsSchema.safeParse(results);
    if (!checked.success) throw new Error(`internal: load.json does not match its schema: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return results;
  } finally {
    if (target?.kind === 'url') for (const f of fixtures) await cleanupFixture(target, f);
  }
}

/** The target as the suite and load.json see it. */
function loadTarget(t: Target, suite: LoadSuite, quota: number | undefined): LoadTarget {
  const base = { url: t.endpoint, region: t.region, credentials: t.credentials };
  if (t.embedded) {
    const q = embeddedQuotaOf(suite, quota);
    const quotas = t.embedded.quotas;
    return {
      kind: 'embedded',
      ...base,
      embeddedQuotas: quotas.enabled ? (quotas.overrides ?? []) : null,
      quota: q && quotas.enabled ? { symmetric: q.symmetric, source: 'embedded' } : null,
    };
  }
  return { kind: 'url', ...base, embeddedQuotas: null, quota: quota !== undefined ? { symmetric: quota, source: 'flag' } : null };
}

/** The lines `kmsbench load` prints after a run. */
export function reportLines(suite: LoadSuite, results: LoadResults): string[] {
  const lines = suite.report(results.analysis);
  for (const w of results.warnings) lines.push(`WARNING: ${w}`);
  return lines;
}

export type { Phase };
