/**
 * The conformance runner: selects among the cases it is given, probes the target, runs the cases
 * concurrently (clock, destructive and low-quota cases alone, one at a time), judges every
 * outcome against the expectation file, and returns the record that becomes results.json. The
 * caller opens the target and loads the cases (suites/index.ts).
 *
 * ```ts
 * const { cases, errors } = await discoverCases();
 * const results = await withTarget({ kind: 'embedded' }, { region: 'us-east-1' }, (target) =>
 *   runConformance({ target, cases, loadErrors: errors }),
 * );
 * console.log(summaryText(results));
 * ```
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { KMSClient } from '@aws-sdk/client-kms';
import { EXIT, type ExitCode } from '../../common/exit-codes.js';
import type { OperationName } from '../../common/model/model.js';
import type { ProbeResult } from '../target/capabilities.js';
import type { Target } from '../target/types.js';
import { missingCapability, planCase, selectCases, type Planned, type TargetKind } from './case-plan.js';
import { todayUtc } from '../../common/dates.js';
import type { Capability, LoadedCase, LoadError } from './case.js';
import { createCaseContext, type RunEnvironment } from './context.js';
import { CONTRACT_VERSION } from '../results/conformance-contract.js';
import type { ConformanceEvent } from './events.js';
import { asExpected, compare, NO_EXPECTATIONS, staleEntries, type ExpectationFile } from './expectations.js';
import type { CaseResult, Results } from '../results/conformance-results.js';
import { createKmsClient } from './sdk-client.js';
import { outcomeCounts } from '../results/conformance-tally.js';
import { toolVersion } from './tool-version.js';
import { CaseTimeout, classify, HarnessError } from './verdict.js';

export const DEFAULT_CONCURRENCY = 12;
export const DEFAULT_CASE_TIMEOUT_MS = 30_000;

export interface RunOptions {
  /** The endpoint, opened (harness/target); the caller closes it. The low-quota cases leave an embedded server on AWS's default quotas. */
  target: Target;
  /** The cases to select from (suites/index.ts discovers them). */
  cases: readonly LoadedCase[];
  /** Case modules that did not load: the run is then a harness error. */
  loadErrors?: LoadError[];
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
  /** The AWS behaviour to judge by (YYYY-MM-DD, default today): cases whose `source.since` is later are skipped. */
  awsAsOf?: string;
  /** Per call of the capabilities probe (default 10 s). */
  probeTimeoutMs?: number;
  /** Aborting it (Ctrl-C) stops the run: cases in flight end as errors, the rest are skipped, cleanup still runs. */
  signal?: AbortSignal;
  /** Progress: called as each case finishes. */
  onEvent?: (event: ConformanceEvent) => void;
}

const newRunId = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export async function runConformance(options: RunOptions): Promise<Results> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const runId = newRunId();
  const target = options.target;
  const region = target.region;
  const expectations = options.expectations ?? NO_EXPECTATIONS;
  const awsAsOf = options.awsAsOf ?? todayUtc();
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const harnessErrors: string[] = [];
  // Every running case listens to it.
  if (options.signal) setMaxListeners(0, options.signal);

  const all = options.cases;
  const loadErrors = options.loadErrors ?? [];
  const selected = selectCases(all, options.tags, options.grep);

  const kind: TargetKind = target.kind === 'embedded' ? 'embedded' : target.isAws ? 'aws' : 'other';
  const endpoint = target.endpoint;
  const embedded = target.embedded;
  const kms: KMSClient = createKmsClient({ endpoint: target.sdkEndpoint, region, credentials: target.sdkCredentials, maxSockets: concurrency * 2 });
  const identityClients: KMSClient[] = [];
  /** Clients for other Regions (multi-Region cases), made when first asked for. */
  const regional = new Map<string, KMSClient>();

  // Keep a case that forgot an `await` from taking the process down; report it.
  const onUnhandled = (reason: unknown) => {
    harnessErrors.push(`unhandled rejection (a case did not await a promise?): ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  };
  process.on('unhandledRejection', onUnhandled);

  try {
    const credentials = target.credentials;
    const plans: Planned[] = selected.map((lc) => planCase(lc, expectations, kind, awsAsOf));
    const operations = [...new Set(plans.filter((p) => !p.notRun).flatMap((p) => p.lc.case.ops))] as OperationName[];
    const probe: ProbeResult = await target.probe({ operations, runId, ...(options.probeTimeoutMs ? { timeoutMs: options.probeTimeoutMs } : {}) });
    const capabilities = probe.capabilities;
    for (const p of plans) if (!p.notRun) p.notRun = missingCapability(p.lc.case, capabilities, probe, kind);
    // Without clock control no case can move the clock (advanceClock skips), so clock cases need not run alone.
    if (!capabilities.has('clock-control')) {
      for (const p of plans) if (p.phase === 'alone' && !p.lc.case.flags?.includes('destructive')) p.phase = 'concurrent';
    }

    const clientIn = (r: string): KMSClient => {
      let c = regional.get(r);
      if (!c) regional.set(r, (c = createKmsClient({ endpoint: target.sdkEndpoint, region: r, credentials: target.sdkCredentials, maxSockets: concurrency })));
      return c;
    };
    const env: RunEnvironment = { runId, endpoint, region, account: probe.account, credentials, kms, clientIn, capabilities, awsAsOf };
    if (target.identities !== undefined && capabilities.has('identities')) {
      const ids = target.identities;
      env.identities = Object.fromEntries(
        Object.entries(ids).map(([name, id]) => {
          const client = createKmsClient({ endpoint: target.sdkEndpoint, region, credentials: id.credentials, maxSockets: concurrency });
          identityClients.push(client);
          return [name, { kms: client, arn: id.arn, account: id.account }];
        }),
      ) as RunEnvironment['identities'];
    }
    const results = new Map<string, CaseResult>();
    const record = (r: CaseResult) => {
      results.set(r.id, r);
      options.onEvent?.({ type: 'case-done', result: r });
    };
    for (const p of plans) if (p.notRun) record(resultOf(p, p.notRun, 0, 0, { ran: 0, failed: 0 }));

    const runnable = plans.filter((p) => !p.notRun);
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
      await embedded.restart({ enabled: true }); // AWS's default quotas for the Region
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
    return {
      contractVersion: CONTRACT_VERSION,
      tool: { name: 'kmsbench', version: toolVersion() },
      runId,
      startedAt,
      durationMs: performance.now() - started,
      target: { endpoint, region, account: probe.account, kind, faults: embedded?.faults ?? [] },
      selection: { tags: options.tags ?? [], ...(options.grep ? { grep: options.grep } : {}), concurrency },
      profile: { awsAsOf },
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
      counts: outcomeCounts(cases),
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
    for (const c of identityClients) c.destroy();
    for (const c of regional.values()) c.destroy();
  }
}

/** Most a case's cleanups may take, all together (less when the case's own timeout is shorter). */
const CLEANUP_TIMEOUT_MS = 15_000;

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
  if ((verdict.outcome === 'fail' || verdict.outcome === 'blocked') && !c.tags.includes('throttling') && throttled(verdict)) {
    // The endpoint's request quota refused the harness, not the behaviour under test.
    verdict = { ...verdict, outcome: 'error', reason: `throttled by the endpoint (ThrottlingException), no verdict: lower --concurrency. ${verdict.reason ?? ''}`.trim() };
  }
  const durationMs = performance.now() - started;
  // Cleanups are bounded like the case: a hanging target must not hold the run for longer than
  // the timeout the user asked for (the default cleanup budget is 15 s).
  const cleanup = await handle.runCleanups(Math.min(CLEANUP_TIMEOUT_MS, timeoutMs));
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
    ...(c.source ? { source: { ...c.source } } : {}),
    tags: [...c.tags],
    ops: [...c.ops],
    flags: [...(c.flags ?? [])],
    outcome,
    expected: p.expected,
    asExpected: asExpected(p.expected, outcome),
    ...(p.expectationReason ? { expectationReason: p.expectationReason } : {}),
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    ...(verdict.blocked ? { blocked: verdict.blocked } : {}),
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
