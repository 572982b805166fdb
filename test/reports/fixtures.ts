/**
 * Results for report and gate tests, made by the harness's own code where it matters: load runs
 * are simulated request by request through the load harness's Recorder and `runResult` (so
 * their histograms, spectra, per-stage and per-second figures are real ones), then checked
 * against load.json's schema; conformance results are checked against results.json's.
 */
import { mulberry32 } from '../../common/numeric.js';
import { outcomeCounts } from '../../harness/results/conformance-tally.js';
import { ResultsSchema, type CaseResult, type Results } from '../../harness/results/conformance-results.js';
import { Recorder } from '../../harness/load/recorder.js';
import { runResult } from '../../harness/load/result.js';
import { LoadResultsSchema, type LoadResults, type RunResult } from '../../harness/results/load-results.js';
import type { Stage } from '../../harness/load/schedule.js';
import { readFileSync } from 'node:fs';
import { parseWorkloadText, planWorkload } from '../../harness/plan/index.js';
import { PlanFileSchema, type PlanFile } from '../../harness/results/plan-results.js';
import type { ResultFolder } from '../../harness/results/result-folder.js';

/** mulberry32 with a normal deviate (Box–Muller). */
export function rng(seed: number) {
  const next = mulberry32(seed);
  return { next, normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()) };
}

export interface SimulatedRun {
  stages: Stage[];
  /** Median latency (ms) of admitted requests; log-normal with `sigma`. */
  medianMs: number;
  sigma?: number;
  /** A token bucket of this rate (per second, 100 ms burst) throttles the rest. */
  quota?: number;
  seed?: number;
  /** The generator runs late (schedule lag 5 ms): a saturated run. */
  late?: boolean;
  operation?: string;
}

/** An open-model run, request by request, through the harness's Recorder. */
export function simulatedRun(o: SimulatedRun): RunResult {
  const r = rng(o.seed ?? 1);
  const rec = new Recorder([o.operation ?? 'Encrypt'], o.stages);
  let t0 = 0;
  let tokens = o.quota ? o.quota * 0.1 : 0;
  let lastRefill = 0;
  for (let stage = 0; stage < o.stages.length; stage++) {
    const s = o.stages[stage]!;
    const gap = 1000 / s.rate;
    for (let t = t0; t < t0 + s.durationMs - 1e-9; t += gap) {
      rec.offered(0, stage, t);
      const handled = t + (o.late ? 5 : 0.05);
      rec.handled(stage, t, handled);
      rec.sent(0, stage, t, handled, -1);
      let outcome: 'ok' | 'throttled' = 'ok';
      if (o.quota) {
        tokens = Math.min(o.quota * 0.1, tokens + ((t - lastRefill) / 1000) * o.quota);
        lastRefill = t;
        if (tokens >= 1) tokens -= 1;
        else outcome = 'throttled';
      }
      const latency = outcome === 'ok' ? o.medianMs * Math.exp((o.sigma ?? 0.4) * r.normal()) : 0.08;
      rec.completed(0, stage, t, handled, handled + latency, outcome, outcome === 'throttled' ? 'ThrottlingException' : undefined, true);
    }
    t0 += s.durationMs;
  }
  const raw = rec.finish({ elapsedMs: t0 + 20, scheduledMs: t0, startedAt: 0, maxConnections: 512, eventLoopUtilization: 0.2, gc: { count: 0, totalMs: 0, maxMs: 0 } });
  return runResult(raw, { client: 'raw', arrivals: 'constant', threads: 0 });
}

const environment = { node: 'v20.20.2', platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'Test CPU', loadAverage: [0.5, 0.4, 0.3] };

function envelope(suite: string, startedAt: string, rest: Partial<LoadResults> & Pick<LoadResults, 'phases' | 'analysis'>): LoadResults {
  return LoadResultsSchema.parse({
    kind: 'kmsbench-load',
    schemaVersion: 1,
    suite,
    description: `the ${suite} suite (test fixture)`,
    startedAt,
    finishedAt: startedAt.replace(/:\d\d\./, ':59.'),
    command: ['load', '--suite', suite],
    endpoint: { kind: 'embedded', url: 'http://127.0.0.1:4599', region: 'us-east-1', quota: null, embeddedQuotas: null },
    options: { mode: 'open', client: 'raw', retry: { mode: 'off' }, rate: null, durationMs: 2000, arrivals: 'constant', threads: 'auto', connections: 512, idle: 'auto', seed: 1 },
    environment,
    warnings: [],
    ...rest,
  });
}

export const LATENCY_OPS = ['Encrypt 1 KiB', 'Decrypt 1 KiB', 'DescribeKey'];

/** The latency suite: three operations at 200/s, each 0.5 s warm-up + `seconds` measured. */
export function latencyLoad(o: { seed?: number; scale?: number; startedAt?: string; seconds?: number; lateOperation?: string } = {}): LoadResults {
  const seed = o.seed ?? 1;
  const phases = LATENCY_OPS.map((name, i) => {
    const result = simulatedRun({
      stages: [
        { durationMs: 500, rate: 200, label: 'warm-up', measure: false },
        { durationMs: (o.seconds ?? 2) * 1000, rate: 200, label: 'measured' },
      ],
      medianMs: (0.4 + 0.2 * i) * (o.scale ?? 1),
      seed: seed * 100 + i,
      late: name === o.lateOperation,
      operation: name,
    });
    return { kind: 'open' as const, name, result };
  });
  const warnings = phases.filter((p) => p.result.generator.saturated).map((p) => `${p.name}: the load generator saturated (${p.result.generator.reasons.join('; ')})`);
  return envelope('latency', o.startedAt ?? '2026-11-25T10:00:00.000Z', {
    phases,
    analysis: {
      suite: 'latency',
      mode: 'open',
      rate: 200,
      operations: phases.map((p) => ({
        operation: p.name,
        offeredRate: p.result.rates.offered,
        succeededRate: p.result.rates.succeeded,
        p50: p.result.latency.p50,
        p90: p.result.latency.p90,
        p99: p.result.latency.p99,
        p999: p.result.latency.p999,
        max: p.result.latency.max,
        throttled: p.result.counts.throttled,
        errors: p.result.counts.errors,
        saturated: p.result.generator.saturated,
      })),
    },
    warnings,
  });
}

export const FACTORS = [0.5, 1, 1.5, 2, 3];

/** The throttle curve against a token bucket of `quota`/s, 1 s per step (a quarter settling). */
export function throttleLoad(o: { quota?: number; seed?: number; startedAt?: string } = {}): LoadResults {
  const quota = o.quota ?? 500;
  const stages: Stage[] = [
    { durationMs: 500, rate: quota * 0.5, label: 'warm-up', measure: false },
    ...FACTORS.flatMap((f) => [
      { durationMs: 250, rate: quota * f, label: `${f}x settle` },
      { durationMs: 750, rate: quota * f, label: `${f}x` },
    ]),
  ];
  const result = simulatedRun({ stages, medianMs: 0.5, quota, seed: o.seed ?? 7 });
  const steps = result.byStage
    .filter((s) => s.stage.measure !== false && !s.stage.label?.endsWith('settle'))
    .map((s, i) => {
      const f = FACTORS[i]!;
      const answered = s.counts.succeeded + s.counts.throttled;
      return {
        factor: f,
        offeredRate: s.rates.offered,
        admittedRate: s.rates.succeeded,
        throttledRate: s.rates.throttled,
        throttledFraction: answered ? s.counts.throttled / answered : 0,
        expectedThrottledFraction: Math.max(0, 1 - 1 / f),
        errors: s.counts.errors,
        p50: s.latency.p50,
        p99: s.latency.p99,
        successP99: s.successLatency.p99,
      };
    });
  const knee = steps.find((s) => s.throttledFraction > 0.01);
  return envelope('throttle-curve', o.startedAt ?? '2026-11-25T10:01:00.000Z', {
    endpoint: { kind: 'embedded', url: 'http://127.0.0.1:4600', region: 'us-east-1', quota: { symmetric: quota, source: 'embedded' }, embeddedQuotas: [`symmetric=${quota}`, 'burst-seconds=0.1'] },
    phases: [{ kind: 'open', name: 'throttle-curve', result }],
    analysis: {
      suite: 'throttle-curve',
      quota,
      steps,
      knee: knee ? { factor: knee.factor, offeredRate: knee.offeredRate } : null,
      plateauRate: Math.max(...steps.map((s) => s.admittedRate)),
      server: null,
    },
  });
}

function kase(id: string, tags: string[], outcome: CaseResult['outcome'], extra: Partial<CaseResult> = {}): CaseResult {
  return {
    id,
    title: `${id} does what AWS does`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/${id}.html`,
    source: { kind: 'documented', cite: `https://docs.aws.amazon.com/kms/latest/APIReference/${id}.html`, verifiedAt: '2026-12-07' },
    tags,
    ops: ['Encrypt'],
    flags: [],
    outcome,
    expected: 'pass',
    asExpected: outcome === 'pass' || outcome === 'skip',
    durationMs: 12.5,
    calls: 2,
    cleanup: { ran: 1, failed: 0 },
    ...extra,
  };
}

/**
 * Six cases over three tags. With `broken`: `crypto.decrypt-disabled` fails unexpectedly
 * (expected vs actual), as an emulator without key states would — on inferred behaviour with
 * `inferred`. With `cascade`, two more: a case blocked by a prerequisite and one the endpoint
 * does not support, both as its expectation file says.
 */
export function conformanceResults(
  o: { broken?: boolean; inferred?: boolean; cascade?: boolean; endpoint?: string; kind?: 'embedded' | 'aws' | 'other' } = {},
): Results {
  const cases: CaseResult[] = [
    kase('crypto.encrypt-round-trip', ['crypto'], 'pass'),
    o.broken
      ? kase('crypto.decrypt-disabled', ['crypto', 'key-state'], 'fail', {
          reason: 'Decrypt with a disabled key succeeded; expected DisabledException',
          failure: {
            what: 'error reply',
            expected: { status: 400, code: 'DisabledException', message: 'arn:aws:kms:us-east-1:111122223333:key/… is disabled.' },
            actual: { status: 200, code: null },
            call: { operation: 'Decrypt', status: 200 },
          },
          ...(o.inferred ? { source: { kind: 'inferred', cite: 'reasoned from the key-state table', verifiedAt: '2026-12-07' } } : {}),
        })
      : kase('crypto.decrypt-disabled', ['crypto', 'key-state'], 'pass'),
    kase('key-state.enable-key', ['key-state'], 'pass'),
    kase('aliases.create-alias <b>', ['aliases'], 'pass'),
    kase('aliases.list-aliases', ['aliases'], o.broken ? 'fail' : 'pass', o.broken ? { expected: 'fail', asExpected: true, expectationReason: 'known: pagination differs', reason: 'NextMarker missing', failure: { what: 'reply field', expected: 'NextMarker', actual: null } } : {}),
    kase('crypto.rsa-only', ['crypto'], 'skip', { reason: 'the endpoint does not create RSA_2048 keys' }),
    ...(o.cascade
      ? [
          kase('key-state.pending-import-encrypt', ['key-state'], 'blocked', {
            expected: 'blocked',
            asExpected: true,
            expectationReason: 'EXTERNAL keys are created Enabled',
            reason: 'CreateKey Origin=EXTERNAL gives a PendingImport key (tested by key-state.pending-import-describe-key) — KeyState: expected "PendingImport", got "Enabled"',
            blocked: { step: 'CreateKey Origin=EXTERNAL gives a PendingImport key', why: 'KeyState: expected "PendingImport", got "Enabled"', coveredBy: 'key-state.pending-import-describe-key' },
          }),
          kase('rotation.on-demand', ['rotation'], 'unsupported', {
            expected: 'unsupported',
            asExpected: true,
            expectationReason: 'no RotateKeyOnDemand',
            reason: 'the endpoint does not implement RotateKeyOnDemand (probe: HTTP 501)',
          }),
        ]
      : []),
  ];
  const differences = cases
    .filter((c) => !c.asExpected)
    .map((c) => ({ id: c.id, expected: c.expected, actual: c.outcome, message: c.reason ?? '', ...(c.source ? { sourceKind: c.source.kind } : {}) }));
  return ResultsSchema.parse({
    contractVersion: '2.0',
    tool: { name: 'kmsbench', version: '0.1.0' },
    runId: 'test',
    startedAt: '2026-11-25T09:59:00.000Z',
    durationMs: 3500,
    target: { endpoint: o.endpoint ?? 'http://127.0.0.1:4599', region: 'us-east-1', account: '111122223333', kind: o.kind ?? 'embedded', faults: [] },
    selection: { tags: [], concurrency: 12 },
    profile: { awsAsOf: '2026-12-07' },
    expectations: { target: o.broken ? 'an emulator' : 'kmsbench reference server (embedded)', entries: o.broken ? 1 : 0 },
    staleExpectations: [],
    capabilities: { established: ['clock-control', 'op:Encrypt'], probes: { 'op:Encrypt': { supported: true, evidence: 'answered' } }, durationMs: 300 },
    counts: outcomeCounts(cases),
    differences,
    loadErrors: [],
    harnessErrors: [],
    exitCode: differences.length ? 1 : 0,
    cases,
  });
}

/** The capacity plan of suites/workloads/microservice-fleet-envelope-caching.yaml, as plan.json holds it. */
export function fleetPlan(): PlanFile {
  const yaml = readFileSync(new URL('../../suites/workloads/microservice-fleet-envelope-caching.yaml', import.meta.url), 'utf8');
  return PlanFileSchema.parse(JSON.parse(JSON.stringify(planWorkload(parseWorkloadText(yaml, 'w.yaml')))));
}

/**
 * The reference server's results folder laid out as kmsbench writes it: conformance, the latency
 * and throttle-curve load runs given, and the plan of the example fleet.
 */
export function referenceFolder(source: string, load: { latency: LoadResults; throttle: LoadResults }): ResultFolder {
  return {
    label: 'reference',
    source,
    conformance: [{ file: 'conformance/results.json', results: conformanceResults() }],
    load: [
      { file: 'load-latency/load.json', results: load.latency },
      { file: 'load-throttle-curve/load.json', results: load.throttle },
    ],
    plans: [{ file: 'plan/plan.json', plan: fleetPlan() }],
    diffs: [],
  };
}
