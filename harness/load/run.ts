/**
 * `runLoad`: one load suite against one endpoint, start to finish — target, fixture, phases,
 * analysis — returning the `load.json` document (validated against its schema). The CLI
 * (`kmsbench load`) and the main job call this.
 *
 * @module
 */
import { arch, availableParallelism, cpus, loadavg, platform } from 'node:os';
import type { Credentials } from '../client/sign.js';
import { fmt, type LoadMode, type LoadSuite, type SuiteContext, type SuiteOptions } from './suite.js';
import { cleanupFixture, normalizeSpec, prepareFixture, rawTemplate, signingCostUs, type Fixture } from './operations.js';
import { runResult } from './result.js';
import { LOAD_SCHEMA_VERSION, LoadResultsSchema, type LoadResults, type Phase, type RunResult } from '../results/load-results.js';
import { sdkInput, type RetrySpec } from './sdk.js';
import { autoThreads, runOpenJob, runSaturateJob, type OpenJob } from './threads.js';
import { serverQuotaMetrics, startEmbedded, urlTarget, type LoadTarget } from './target.js';
import type { Arrivals, Idle } from './schedule.js';
import type { RequestMix } from './request-mix.js';

export class LoadConfigError extends Error {
  override readonly name = 'LoadConfigError';
}

export interface RunLoadOptions {
  suite: LoadSuite;
  /** `embedded` (default) or a URL. */
  endpoint?: string;
  region?: string;
  credentials?: Credentials;
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
  log?: (line: string) => void;
  /** Stops the run before its next phase (the phase in progress finishes). */
  signal?: AbortSignal;
}

export class LoadAborted extends Error {
  override readonly name = 'LoadAborted';
}

const SIGNATURE_REFRESH_MS = 120_000;

function openLine(name: string, r: RunResult): string {
  const l = r.latency;
  const parts = [
    `${name}:`,
    `offered ${fmt(r.rates.offered, 1)}/s`,
    `ok ${fmt(r.rates.succeeded, 1)}/s`,
    `throttled ${fmt(r.rates.throttled, 1)}/s`,
    `errors ${r.counts.errors}`,
    ...(r.counts.unfinished ? [`unfinished ${r.counts.unfinished}`] : []),
    `latency ms p50 ${fmt(l.p50)} p90 ${fmt(l.p90)} p99 ${fmt(l.p99)} p99.9 ${fmt(l.p999)} max ${fmt(l.max)}`,
    `send lag p99 ${fmt(r.generator.sendLag.p99, 3)} ms`,
  ];
  return parts.join('  ');
}

export async function runLoad(o: RunLoadOptions): Promise<LoadResults> {
  const suite = o.suite;
  const log = o.log ?? (() => {});
  const mode = o.mode ?? 'open';
  if (!suite.modes.includes(mode)) throw new LoadConfigError(`the ${suite.name} suite runs in ${suite.modes.join(' or ')} mode, not ${mode}`);
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
  const region = o.region ?? 'us-east-1';
  const endpointText = o.endpoint ?? 'embedded';
  let target: LoadTarget | undefined;
  if (!suite.inProcess) {
    if (endpointText === 'embedded') {
      const q = suite.embeddedQuota ? { ...suite.embeddedQuota, ...(o.quota !== undefined ? { symmetric: o.quota } : {}) } : null;
      target = await startEmbedded(q, region);
      log(`embedded reference server ${target.url}${q ? ` (symmetric quota ${q.symmetric}/s${q.burstSeconds !== undefined ? `, burst ${q.burstSeconds} s` : ''})` : ' (quotas off)'}`);
    } else {
      let url: URL;
      try {
        url = new URL(endpointText);
      } catch {
        throw new LoadConfigError(`--endpoint must be 'embedded' or an http(s) URL, got '${endpointText}'`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LoadConfigError(`--endpoint must be http(s), got '${endpointText}'`);
      target = urlTarget(endpointText, region, o.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' }, o.quota);
    }
  }
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
    log,
    async quota() {
      const t = needTarget();
      if (t.quota) return t.quota.symmetric;
      const m = await serverQuotaMetrics(t.url, t.region);
      if (m?.symmetricRate !== undefined && m.symmetricRate > 0) {
        t.quota = { symmetric: m.symmetricRate, source: 'metrics' };
        log(`symmetric quota ${m.symmetricRate}/s (from the endpoint's metrics)`);
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
      log(openLine(spec.name, result));
      if (result.generator.saturated) log(`  WARNING ${spec.name}: generator saturated — ${result.generator.reasons.join('; ')}`);
      return { phase: { kind: 'open', name: spec.name, ...(spec.description ? { description: spec.description } : {}), result }, result };
    },
    async envelope(spec) {
      checkAbort();
      const t = needTarget();
      const retry = options.retry;
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
      log(`${openLine(spec.name, result)}  KMS calls ${result.extra.kmsCalls ?? 0}`);
      if (result.generator.saturated) log(`  WARNING ${spec.name}: generator saturated — ${result.generator.reasons.join('; ')}`);
      return { phase: { kind: 'open', name: spec.name, ...(spec.description ? { description: spec.description } : {}), result }, result };
    },
    async saturate(spec) {
      checkAbort();
      const t = needTarget();
      const specs = spec.specs.map(normalizeSpec);
      const templates = await Promise.all(specs.map((s) => rawTemplate(t, s, spec.fixture)));
      const r = await runSaturateJob({ url: t.url, templates, weights: specs.map((s) => s.weight), connections: options.connections, durationMs: spec.durationMs, seed: options.seed }, options.threads === 0 ? 0 : 1);
      log(
        `${spec.name}: closed loop, ${r.connections} connections  ${fmt(r.rps.mean, 0)} req/s (±${fmt(r.rps.stddev, 0)})  throttled ${r.throttled}  errors ${r.errorReplies + r.transportErrors}  latency ms p50 ${fmt(r.latencyMs.p50)} p99 ${fmt(r.latencyMs.p99)} max ${fmt(r.latencyMs.max)}`,
      );
      return { phase: { kind: 'saturate', name: spec.name, result: r }, result: r };
    },
    serverMetrics: () => serverQuotaMetrics(needTarget().url, needTarget().region),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
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
    await target?.close();
  }
}

/** The lines `kmsbench load` prints after a run. */
export function reportLines(suite: LoadSuite, results: LoadResults): string[] {
  const lines = suite.report(results.analysis);
  for (const w of results.warnings) lines.push(`WARNING: ${w}`);
  return lines;
}

export type { Phase };
