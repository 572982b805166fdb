/**
 * The conformance runner: discovers the cases, probes the endpoint, runs the cases concurrently
 * (clock, destructive and low-quota cases alone, one at a time), judges every outcome against
 * the expectation file, and returns the record that becomes results.json.
 *
 * ```ts
 * const results = await runConformance({ target: { kind: 'embedded' } });
 * console.log(summaryText(results));
 * ```
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { Credentials } from '../client/sign.js';
import { discoverCases, type LoadedCase, type LoadError } from '../../suites/index.js';
import type { OperationName } from '../../common/model/model.js';
import type { Capability, ConformanceCase } from './case.js';
import { probeCapabilities, type ProbeResult } from './capabilities.js';
import { createCaseContext, type RunEnvironment } from './context.js';
import { CONTRACT_VERSION, EXIT, type Expected, type ExitCode } from '../results/conformance-contract.js';
import { asExpected, compare, NO_EXPECTATIONS, staleEntries, type ExpectationFile } from './expectations.js';
import type { CaseResult, Results } from '../results/conformance-results.js';
import { createKmsClient } from './sdk-client.js';
import {
  awsEndpoint,
  EMBEDDED_CREDENTIALS,
  isAwsHost,
  resolveCredentials,
  startEmbedded,
  useDefaultChain,
  type EmbeddedServer,
  type TargetKind,
  type TargetSpec,
} from './target.js';
import { CaseTimeout, classify, HarnessError } from './verdict.js';

export const DEFAULT_CONCURRENCY = 12;
export const DEFAULT_CASE_TIMEOUT_MS = 30_000;

export interface RunOptions {
  target: TargetSpec;
  region?: string;
  /** Credentials for non-embedded targets (default: environment / profile, else test/test). */
  credentials?: Credentials;
  /** Run only cases with at least one of these tags. */
  tags?: string[];
  /** Run only cases whose id or title contains this text (case-insensitive). */
  grep?: string;
  expectations?: ExpectationFile;
  /** Where the expectations came from (for the record). */
  expectationsFile?: string;
  concurrency?: number;
  /** Overrides every case's own timeout (ms). */
  timeoutMs?: number;
  /** The cases (default: discovered under suites/conformance/). */
  cases?: LoadedCase[];
  loadErrors?: LoadError[];
  /** Per call of the capabilities probe (default 10 s). */
  probeTimeoutMs?: number;
  /** Aborting it (Ctrl-C) stops the run: cases in flight end as errors, the rest are skipped, cleanup still runs. */
  signal?: AbortSignal;
  /** Called as each case finishes. */
  onCase?: (result: CaseResult) => void;
}

/** A case as scheduled: its phase and what ends it early. */
interface Planned {
  lc: LoadedCase;
  expected: Expected;
  expectationReason?: string;
  /** Set when the case will not run. */
  skip?: string;
  phase: 'concurrent' | 'alone' | 'low-quota';
}

export function toolVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kmsbench' && pkg.version) return pkg.version;
    } catch {
      // try the next
    }
  }
  return 'unknown';
}

export function selectCases(cases: readonly LoadedCase[], tags: readonly string[] = [], grep?: string): LoadedCase[] {
  const g = grep?.toLowerCase();
  return cases.filter(
    ({ case: c }) =>
      (tags.length === 0 || c.tags.some((t) => tags.includes(t))) &&
      (!g || c.id.toLowerCase().includes(g) || c.title.toLowerCase().includes(g)),
  );
}

const newRunId = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export async function runConformance(options: RunOptions): Promise<Results> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const runId = newRunId();
  const region = options.region ?? 'us-east-1';
  const expectations = options.expectations ?? NO_EXPECTATIONS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const harnessErrors: string[] = [];
  // Every running case listens to it.
  if (options.signal) setMaxListeners(0, options.signal);

  let all = options.cases;
  let loadErrors = options.loadErrors ?? [];
  if (!all) {
    const found = await discoverCases();
    all = found.cases;
    loadErrors = [...loadErrors, ...found.errors];
  }
  const selected = selectCases(all, options.tags, options.grep);

  // The endpoint.
  let embedded: EmbeddedServer | undefined;
  let kind: TargetKind;
  let endpoint: string;
  let sdkEndpoint: string | undefined;
  if (options.target.kind === 'embedded') {
    embedded = await startEmbedded(options.target.faults ?? [], region);
    kind = 'embedded';
    endpoint = sdkEndpoint = embedded.url;
  } else if (options.target.kind === 'aws') {
    kind = 'aws';
    endpoint = awsEndpoint(region);
    sdkEndpoint = undefined;
  } else {
    kind = isAwsHost(options.target.endpoint) ? 'aws' : 'other';
    endpoint = sdkEndpoint = options.target.endpoint;
  }
  const fixedCredentials =
    kind === 'embedded' ? EMBEDDED_CREDENTIALS : (options.credentials ?? (useDefaultChain(kind) ? undefined : EMBEDDED_CREDENTIALS));
  const kms: KMSClient = createKmsClient({ endpoint: sdkEndpoint, region, credentials: fixedCredentials, maxSockets: concurrency * 2 });

  // Keep a case that forgot an `await` from taking the process down; report it.
  const onUnhandled = (reason: unknown) => {
    harnessErrors.push(`unhandled rejection (a case did not await a promise?): ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  };
  process.on('unhandledRejection', onUnhandled);

  try {
    const credentials = fixedCredentials ?? (await resolveCredentials(kms));
    const plans: Planned[] = selected.map((lc) => plan(lc, expectations, kind));
    const operations = [...new Set(plans.filter((p) => !p.skip).flatMap((p) => p.lc.case.ops))] as OperationName[];
    const probe: ProbeResult = await probeCapabilities({
      endpoint,
      region,
      credentials,
      operations,
      runId,
      ...(options.probeTimeoutMs ? { timeoutMs: options.probeTimeoutMs } : {}),
      ...(kind === 'embedded' ? { account: '111122223333' } : {}),
    });
    const capabilities = probe.capabilities;
    for (const p of plans) if (!p.skip) p.skip = missingCapability(p.lc.case, capabilities, probe, kind);
    // Without clock control no case can move the clock (advanceClock skips), so clock cases need not run alone.
    if (!capabilities.has('clock-control')) {
      for (const p of plans) if (p.phase === 'alone' && !p.lc.case.flags?.includes('destructive')) p.phase = 'concurrent';
    }

    const env: RunEnvironment = { runId, endpoint, region, account: probe.account, credentials, kms, capabilities };
    const results = new Map<string, CaseResult>();
    const record = (r: CaseResult) => {
      results.set(r.id, r);
      options.onCase?.(r);
    };
    for (const p of plans) if (p.skip) record(resultOf(p, { outcome: 'skip', reason: p.skip }, 0, 0, { ran: 0, failed: 0 }));

    const runnable = plans.filter((p) => !p.skip);
    const slowFirst = (a: Planned, b: Planned) => Number(b.lc.case.flags?.includes('slow') ?? false) - Number(a.lc.case.flags?.includes('slow') ?? false);
    const exec = async (p: Planned, e: RunEnvironment) =>
      record(
        options.signal?.aborted
          ? resultOf(p, { outcome: 'skip', reason: 'the run was interrupted' }, 0, 0, { ran: 0, failed: 0 })
          : await runOne(p, e, options.timeoutMs, options.signal),
      );

    await pool(runnable.filter((p) => p.phase === 'concurrent').sort(slowFirst), concurrency, (p) => exec(p, env));
    for (const p of runnable.filter((x) => x.phase === 'alone')) await exec(p, env);
    const lowQuota = runnable.filter((p) => p.phase === 'low-quota');
    if (lowQuota.length > 0 && embedded && !options.signal?.aborted) {
      await embedded.restart('aws-defaults');
      const lowEnv: RunEnvironment = { ...env, capabilities: new Set<Capability>([...capabilities, 'low-quota']) };
      for (const p of lowQuota) await exec(p, lowEnv);
    }

    // An unawaited rejection of a case surfaces a tick or so after the case ended.
    await new Promise((r) => setTimeout(r, 20));
    const cases = selected.map((lc) => results.get(lc.case.id)!).filter(Boolean);
    const allIds = new Set(all.map((c) => c.case.id));
    const differences = compare(cases, expectations);
    if (options.signal?.aborted) harnessErrors.push('the run was interrupted');
    const exitCode: ExitCode =
      loadErrors.length > 0 || harnessErrors.length > 0 ? EXIT.harness : differences.length > 0 ? EXIT.differences : EXIT.ok;
    const count = (o: string) => cases.filter((c) => c.outcome === o).length;
    return {
      contractVersion: CONTRACT_VERSION,
      tool: { name: 'kmsbench', version: toolVersion() },
      runId,
      startedAt,
      durationMs: performance.now() - started,
      target: { endpoint, region, account: probe.account, kind, faults: options.target.kind === 'embedded' ? (options.target.faults ?? []) : [] },
      selection: { tags: options.tags ?? [], ...(options.grep ? { grep: options.grep } : {}), concurrency },
      expectations: {
        ...(options.expectationsFile ? { file: options.expectationsFile } : {}),
        target: expectations.target,
        entries: Object.keys(expectations.cases).length,
      },
      capabilities: {
        established: [...capabilities, ...(lowQuota.length > 0 && embedded ? ['low-quota'] : [])].sort(),
        probes: probe.probes,
        durationMs: probe.durationMs,
      },
      counts: { total: cases.length, pass: count('pass'), fail: count('fail'), error: count('error'), skip: count('skip'), asExpected: cases.filter((c) => c.asExpected).length },
      differences,
      staleExpectations: staleEntries(expectations, allIds),
      loadErrors,
      harnessErrors,
      exitCode,
      cases,
    };
  } finally {
    process.off('unhandledRejection', onUnhandled);
    kms.destroy();
    await embedded?.close();
  }
}

function plan(lc: LoadedCase, expectations: ExpectationFile, kind: TargetKind): Planned {
  const c = lc.case;
  const entry = expectations.cases[c.id];
  const flags = new Set(c.flags ?? []);
  const needs = new Set(c.needs ?? []);
  const p: Planned = {
    lc,
    expected: entry?.expect ?? 'pass',
    ...(entry ? { expectationReason: entry.reason } : {}),
    phase: needs.has('low-quota') ? 'low-quota' : flags.has('needs-clock') || flags.has('destructive') ? 'alone' : 'concurrent',
  };
  if (entry?.expect === 'skip') p.skip = `not run here (expectation file): ${entry.reason}`;
  else if (flags.has('real-aws-only') && kind !== 'aws') p.skip = 'only meaningful against real AWS (real-aws-only)';
  return p;
}

function missingCapability(c: ConformanceCase, capabilities: ReadonlySet<Capability>, probe: ProbeResult, kind: TargetKind): string | undefined {
  for (const op of c.ops) {
    const cap = `op:${op}` as const;
    if (!capabilities.has(cap)) return `the endpoint does not support ${op} (probe: ${probe.probes[cap]?.evidence ?? 'not probed'})`;
  }
  for (const need of c.needs ?? []) {
    if (need === 'low-quota') {
      if (kind !== 'embedded') return 'needs quotas the run controls (low-quota): only the embedded reference server has them';
      continue;
    }
    if (!capabilities.has(need)) return `the endpoint lacks ${need} (probe: ${probe.probes[need]?.evidence ?? 'not probed'})`;
  }
  return undefined;
}

async function runOne(p: Planned, env: RunEnvironment, timeoutOverride?: number, interrupt?: AbortSignal): Promise<CaseResult> {
  const c = p.lc.case;
  const timeoutMs = timeoutOverride ?? c.timeoutMs ?? DEFAULT_CASE_TIMEOUT_MS;
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  const handle = createCaseContext(c, env, () => deadline);
  let thrown: unknown;
  let timer: NodeJS.Timeout | undefined;
  let onInterrupt: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaseTimeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
    onInterrupt = () => {
      const e = new HarnessError('the run was interrupted');
      handle.abort(e);
      reject(e);
    };
    interrupt?.addEventListener('abort', onInterrupt, { once: true });
  });
  const running = Promise.resolve().then(() => c.run(handle.context));
  running.catch(() => {}); // after a timeout its rejection is no longer anyone's business
  try {
    await Promise.race([running, timeout]);
  } catch (e) {
    thrown = e ?? new Error('the case threw a falsy value');
    if (e instanceof CaseTimeout) handle.abort(e);
  } finally {
    clearTimeout(timer);
    if (onInterrupt) interrupt?.removeEventListener('abort', onInterrupt);
  }
  let verdict = classify(thrown, handle.lastCall());
  if (verdict.outcome === 'fail' && !c.tags.includes('throttling') && throttled(verdict)) {
    // The endpoint's request quota refused the harness, not the behaviour under test.
    verdict = { ...verdict, outcome: 'error', reason: `throttled by the endpoint (ThrottlingException), no verdict: lower --concurrency. ${verdict.reason ?? ''}`.trim() };
  }
  const durationMs = performance.now() - started;
  const cleanup = await handle.runCleanups();
  return resultOf(p, verdict, durationMs, handle.calls.length, cleanup);
}

function throttled(v: ReturnType<typeof classify>): boolean {
  const actual = v.failure?.actual as { code?: unknown } | undefined;
  return v.failure?.call?.code === 'ThrottlingException' || actual?.code === 'ThrottlingException';
}

function resultOf(
  p: Planned,
  verdict: ReturnType<typeof classify>,
  durationMs: number,
  calls: number,
  cleanup: { ran: number; failed: number },
): CaseResult {
  const c = p.lc.case;
  const outcome = verdict.outcome;
  return {
    id: c.id,
    title: c.title,
    doc: c.doc,
    tags: [...c.tags],
    ops: [...c.ops],
    flags: [...(c.flags ?? [])],
    outcome,
    expected: p.expected,
    asExpected: asExpected(p.expected, outcome),
    ...(p.expectationReason ? { expectationReason: p.expectationReason } : {}),
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    ...(verdict.failure ? { failure: verdict.failure } : {}),
    ...(verdict.error ? { error: verdict.error } : {}),
    durationMs: Math.round(durationMs * 10) / 10,
    calls,
    cleanup,
  };
}

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
