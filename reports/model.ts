/**
 * From validated results to everything a report shows (pure): counts, tables, charts (as SVG),
 * comparisons across targets and baseline deltas. Every figure is computed here; the templates
 * only format and lay out.
 *
 * @module
 */
import { EXIT_MEANINGS, type ExitCode } from '../common/exit-codes.js';
import type { CaseResult, Results } from '../harness/conformance/results.js';
import { baselineRun, DEFAULT_THRESHOLDS, gateCompare, type BaselineRun, type GateResult, type GateRow, type GateThresholds } from '../harness/gate/index.js';
import type { HistogramSummary } from '../harness/load/histogram.js';
import type { LoadResults, RunResult } from '../harness/load/schema.js';
import { barChart, deltaChart, spectrumChart, throttleChart, timeChart, type SpectrumSeries, type ThrottleSeries, type TimeMarker } from './charts/charts.js';
import type { PlanFile } from './plan-schema.js';
import { keyPercentiles, mergeDistributions } from './spectrum.js';

// ───────────────────────────── input ─────────────────────────────

export interface TargetInput {
  /** How the report names the target (a result directory's name unless given). */
  label: string;
  /** Where its files came from. */
  source: string;
  conformance: { file: string; results: Results }[];
  load: { file: string; results: LoadResults }[];
  plans: { file: string; plan: PlanFile }[];
}

export interface ReportInput {
  title?: string;
  generatedAt: string;
  toolVersion: string;
  targets: TargetInput[];
  /** Runs to show each target's load results against (a baseline file, or earlier runs). */
  baseline?: { source: string; runs: BaselineRun[] };
  thresholds?: GateThresholds;
}

// ───────────────────────────── view model ─────────────────────────────

export interface TagRow {
  tag: string;
  cases: number;
  pass: number;
  fail: number;
  error: number;
  skip: number;
  /** Failures, errors and skips the expectation file lists. */
  known: number;
  /** Outcomes that differ from the expectation file. */
  diff: number;
}

export interface FailureView {
  id: string;
  title: string;
  doc: string;
  tags: string[];
  outcome: CaseResult['outcome'];
  expected: CaseResult['expected'];
  /** The expectation file lists this outcome (a known failure). */
  known: boolean;
  reason?: string;
  expectationReason?: string;
  what?: string;
  expectedText?: string;
  actualText?: string;
  call?: NonNullable<NonNullable<CaseResult['failure']>['call']>;
  error?: { name: string; message: string };
}

export interface ConformanceView {
  file: string;
  endpoint: string;
  kind: Results['target']['kind'];
  region: string;
  account: string;
  faults: string[];
  startedAt: string;
  durationMs: number;
  exitCode: number;
  exitMeaning: string;
  expectations: Results['expectations'];
  counts: Results['counts'];
  capabilities: { clockControl: boolean; lowQuota: boolean; operations: number; supported: number; unsupported: string[] };
  tags: TagRow[];
  total: TagRow;
  /** Outcomes the expectation file does not list (these fail the run). */
  unexpected: FailureView[];
  /** Failures and errors the expectation file lists. */
  known: FailureView[];
  differences: Results['differences'];
  skipped: { reason: string; ids: string[] }[];
  loadErrors: Results['loadErrors'];
  harnessErrors: string[];
}

export interface PhaseRow {
  name: string;
  kind: 'open' | 'saturate' | 'micro';
  offeredRate: number | null;
  succeededRate: number | null;
  throttled: number;
  errors: number;
  unfinished: number;
  /** errors + unfinished: requests without a good or throttled answer. */
  failed: number;
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  saturated: boolean;
  connectionLimited: boolean;
  reasons: string[];
  sendLagP99: number | null;
  /** Garbage-collection pauses of the generator during the phase (each stops its schedule). */
  gc: { count: number; maxMs: number } | null;
}

export interface AnalysisTable {
  title: string;
  columns: string[];
  rows: unknown[][];
}

export interface LoadRunView {
  id: string;
  file: string;
  suite: string;
  description: string;
  startedAt: string;
  finishedAt: string;
  endpoint: LoadResults['endpoint'];
  options: LoadResults['options'];
  environment: LoadResults['environment'];
  phases: PhaseRow[];
  latency: Extract<LoadResults['analysis'], { suite: 'latency' }> | null;
  throttle: Extract<LoadResults['analysis'], { suite: 'throttle-curve' }> | null;
  /** Other suites' analyses, as a table. */
  analysis: AnalysisTable | null;
  saturatedPhases: string[];
  warnings: string[];
  charts: { spectrum: string | null; latencyOverTime: string | null; rates: string | null; throttle: string | null };
}

export interface DeltaView {
  source: string;
  baselineRuns: number;
  thresholds: GateThresholds;
  result: GateResult;
  chart: string;
}

export interface MetaView {
  endpoints: { url: string; kind: string; region: string; from: string }[];
  quotas: { suite: string; symmetric: number | null; source: string | null; overrides: string[] | null }[];
  regions: string[];
  toolVersions: string[];
  node: string[];
  machines: { cpus: number; cpuModel: string; platform: string; arch: string; loadAverage: number[] }[];
  started: string | null;
  finished: string | null;
  expectations: string[];
  faults: string[];
  plans: { workload: string; region: string; quotaProfile: string }[];
}

export interface TargetView {
  id: string;
  label: string;
  source: string;
  meta: MetaView;
  conformance: ConformanceView[];
  load: LoadRunView[];
  deltas: DeltaView | null;
  plans: { file: string; plan: PlanFile }[];
}

export interface OverviewRow {
  id: string;
  label: string;
  cases: number | null;
  counts: Results['counts'] | null;
  differences: number;
  loadRuns: number;
  warnings: number;
  saturated: number;
  regressions: number | null;
  status: 'ok' | 'attention' | 'failing';
}

export interface ComparisonCaseRow {
  id: string;
  title: string;
  doc: string;
  cells: ({ outcome: CaseResult['outcome']; asExpected: boolean } | null)[];
  agree: boolean;
}

export interface ComparisonView {
  targets: string[];
  conformance: {
    counts: (Results['counts'] | null)[];
    /** Cases whose outcome differs between targets, then the others. */
    disagreeing: ComparisonCaseRow[];
    agreeing: ComparisonCaseRow[];
    total: number;
  } | null;
  latency: {
    rows: { operation: string; cells: ({ runs: number; count: number; p50: number; p90: number; p99: number; p999: number; max: number } | null)[] }[];
    chart: string;
  } | null;
  throttleChart: string | null;
}

export interface ReportModel {
  title: string;
  generatedAt: string;
  toolVersion: string;
  overview: OverviewRow[];
  targets: TargetView[];
  comparison: ComparisonView | null;
  thresholds: GateThresholds;
}

// ───────────────────────────── conformance ─────────────────────────────

function tally(tag: string, cases: readonly CaseResult[]): TagRow {
  const row: TagRow = { tag, cases: cases.length, pass: 0, fail: 0, error: 0, skip: 0, known: 0, diff: 0 };
  for (const c of cases) {
    row[c.outcome]++;
    if (!c.asExpected) row.diff++;
    else if (c.outcome === 'fail' || c.outcome === 'error' || (c.outcome === 'skip' && c.expected === 'skip')) row.known++;
  }
  return row;
}

const json = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

function failureView(c: CaseResult): FailureView {
  return {
    id: c.id,
    title: c.title,
    doc: c.doc,
    tags: c.tags,
    outcome: c.outcome,
    expected: c.expected,
    known: c.asExpected,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.expectationReason ? { expectationReason: c.expectationReason } : {}),
    ...(c.failure ? { what: c.failure.what } : {}),
    ...(c.failure && 'expected' in c.failure ? { expectedText: json(c.failure.expected) } : {}),
    ...(c.failure && 'actual' in c.failure ? { actualText: json(c.failure.actual) } : {}),
    ...(c.failure?.call ? { call: c.failure.call } : {}),
    ...(c.error ? { error: { name: c.error.name, message: c.error.message } } : {}),
  };
}

export function conformanceView(file: string, r: Results): ConformanceView {
  const tags = [...new Set(r.cases.flatMap((c) => c.tags))].sort();
  const ops = Object.entries(r.capabilities.probes).filter(([k]) => k.startsWith('op:'));
  const established = new Set(r.capabilities.established);
  const skipped = new Map<string, string[]>();
  for (const c of r.cases.filter((x) => x.outcome === 'skip')) {
    const reason = c.reason ?? 'skipped';
    (skipped.get(reason) ?? skipped.set(reason, []).get(reason)!).push(c.id);
  }
  const failing = r.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error' || !c.asExpected);
  return {
    file,
    endpoint: r.target.endpoint,
    kind: r.target.kind,
    region: r.target.region,
    account: r.target.account,
    faults: r.target.faults,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    exitCode: r.exitCode,
    exitMeaning: EXIT_MEANINGS[r.exitCode as ExitCode] ?? '',
    expectations: r.expectations,
    counts: r.counts,
    capabilities: {
      clockControl: established.has('clock-control'),
      lowQuota: established.has('low-quota'),
      operations: ops.length,
      supported: ops.filter(([, p]) => p.supported).length,
      unsupported: ops.filter(([, p]) => !p.supported).map(([k]) => k.slice(3)),
    },
    tags: tags.map((t) => tally(t, r.cases.filter((c) => c.tags.includes(t)))),
    total: tally('all cases', r.cases),
    unexpected: failing.filter((c) => !c.asExpected).map(failureView),
    known: failing.filter((c) => c.asExpected).map(failureView),
    differences: r.differences,
    skipped: [...skipped.entries()].map(([reason, ids]) => ({ reason, ids })),
    loadErrors: r.loadErrors,
    harnessErrors: r.harnessErrors,
  };
}

// ───────────────────────────── load ─────────────────────────────

const openPhases = (l: LoadResults) => l.phases.filter((p): p is Extract<LoadResults['phases'][number], { kind: 'open' }> => p.kind === 'open');

function phaseRow(p: LoadResults['phases'][number]): PhaseRow {
  if (p.kind === 'open') {
    const r = p.result;
    const l = r.latency;
    return {
      name: p.name,
      kind: 'open',
      offeredRate: r.rates.offered,
      succeededRate: r.rates.succeeded,
      throttled: r.counts.throttled,
      errors: r.counts.errors,
      unfinished: r.counts.unfinished,
      failed: r.counts.errors + r.counts.unfinished,
      count: l.count,
      p50: l.p50,
      p90: l.p90,
      p99: l.p99,
      p999: l.p999,
      max: l.max,
      saturated: r.generator.saturated,
      connectionLimited: r.generator.connectionLimited,
      reasons: r.generator.reasons,
      sendLagP99: r.generator.sendLag.p99,
      gc: { count: r.generator.gc.count, maxMs: r.generator.gc.maxMs },
    };
  }
  if (p.kind === 'saturate') {
    const r = p.result;
    return {
      name: p.name,
      kind: 'saturate',
      offeredRate: null,
      succeededRate: (r.succeeded * 1000) / Math.max(1, r.durationMs),
      throttled: r.throttled,
      errors: r.errorReplies + r.transportErrors,
      unfinished: 0,
      failed: r.errorReplies + r.transportErrors,
      count: r.requests,
      p50: r.latencyMs.p50,
      p90: r.latencyMs.p90,
      p99: r.latencyMs.p99,
      p999: r.latencyMs.p999,
      max: r.latencyMs.max,
      saturated: false,
      connectionLimited: false,
      reasons: [],
      sendLagP99: null,
      gc: null,
    };
  }
  return {
    name: p.name,
    kind: 'micro',
    offeredRate: null,
    succeededRate: null,
    throttled: 0,
    errors: 0,
    unfinished: 0,
    failed: 0,
    count: p.tasks.reduce((n, t) => n + t.samples, 0),
    p50: null,
    p90: null,
    p99: null,
    p999: null,
    max: null,
    saturated: false,
    connectionLimited: false,
    reasons: [],
    sendLagP99: null,
    gc: null,
  };
}

/** Start of every stage of a run, in ms from the run's start. */
function stageStarts(r: RunResult): number[] {
  const out: number[] = [];
  let t = 0;
  for (const s of r.stages) {
    out.push(t);
    t += s.durationMs;
  }
  return out;
}

/** Stage labels a suite uses for the part of a step that only lets the endpoint settle. */
const settling = (label: string | undefined) => !!label && /settle/i.test(label);

export interface Timeline {
  markers: TimeMarker[];
  p50: { from: number; to: number; value: number }[];
  p99: { from: number; to: number; value: number }[];
  successP99: { from: number; to: number; value: number }[];
  offered: [number, number | null][];
  succeeded: [number, number | null][];
  throttled: [number, number | null][];
  errors: [number, number | null][];
  anyThrottled: boolean;
  anyErrors: boolean;
}

/**
 * The open-model phases laid end to end (each after the previous one's schedule and drain):
 * latency per measured stage, and per-second rates — a second's count divided by the part of
 * it that was measured, so the partial seconds at warm-up and stage edges are rates too (left
 * out when under a quarter of the second was measured).
 */
export function timeline(l: LoadResults): Timeline {
  const t: Timeline = { markers: [], p50: [], p99: [], successP99: [], offered: [], succeeded: [], throttled: [], errors: [], anyThrottled: false, anyErrors: false };
  const phases = openPhases(l);
  let offset = 0;
  for (const p of phases) {
    const r = p.result;
    const starts = stageStarts(r);
    const seg = (i: number, v: number) => ({ from: offset + starts[i]! / 1000, to: offset + (starts[i]! + r.stages[i]!.durationMs) / 1000, value: v });
    if (phases.length > 1) t.markers.push({ at: offset, label: p.name });
    else {
      r.stages.forEach((s, i) => {
        if (s.measure !== false && s.label && !settling(s.label) && r.stages.length > 2) t.markers.push({ at: offset + starts[i]! / 1000, label: s.label });
      });
    }
    r.byStage.forEach((g, i) => {
      if (g.stage.measure === false || g.latency.count === 0) return;
      t.p50.push(seg(i, g.latency.p50));
      t.p99.push(seg(i, g.latency.p99));
      if (g.successLatency.count > 0) t.successP99.push(seg(i, g.successLatency.p99));
    });
    // Measured part of each second.
    const measured: [number, number][] = [];
    r.stages.forEach((s, i) => {
      if (s.measure !== false) measured.push([starts[i]!, starts[i]! + s.durationMs]);
    });
    for (const s of r.perSecond) {
      const a = s.second * 1000;
      const covered = measured.reduce((sum, [x, y]) => sum + Math.max(0, Math.min(y, a + 1000) - Math.max(x, a)), 0) / 1000;
      const at = offset + s.second + 0.5;
      if (covered < 0.25) {
        for (const k of ['offered', 'succeeded', 'throttled', 'errors'] as const) t[k].push([at, null]);
        continue;
      }
      t.offered.push([at, s.offered / covered]);
      t.succeeded.push([at, s.succeeded / covered]);
      t.throttled.push([at, s.throttled / covered]);
      t.errors.push([at, s.errors / covered]);
      if (s.throttled > 0) t.anyThrottled = true;
      if (s.errors > 0) t.anyErrors = true;
    }
    // A gap between phases.
    for (const k of ['offered', 'succeeded', 'throttled', 'errors'] as const) t[k].push([offset + r.elapsedMs / 1000, null]);
    offset += r.elapsedMs / 1000;
  }
  return t;
}

/** The distributions a run's spectrum chart shows: each phase, or each step of a one-phase stepped run. */
function spectrumSeries(l: LoadResults): SpectrumSeries[] {
  const phases = openPhases(l);
  if (phases.length === 1) {
    const r = phases[0]!.result;
    const steps = r.byStage.filter((g) => g.stage.measure !== false && !settling(g.stage.label) && g.latency.count > 0);
    if (steps.length > 1) return steps.slice(0, 8).map((g) => ({ label: g.stage.label ?? `${g.stage.rate}/s`, spectrum: g.latency.spectrum }));
  }
  return phases.filter((p) => p.result.latency.count > 0).map((p) => ({ label: p.name, spectrum: p.result.latency.spectrum }));
}

function analysisTable(a: LoadResults['analysis']): AnalysisTable | null {
  const table = (title: string, rows: readonly Record<string, unknown>[], skip: string[] = []): AnalysisTable | null => {
    if (rows.length === 0) return null;
    const columns = Object.keys(rows[0]!).filter((k) => !skip.includes(k));
    return { title, columns, rows: rows.map((r) => columns.map((c) => r[c])) };
  };
  switch (a.suite) {
    case 'backoff':
      return table(`retry policies at ${a.offeredRate}/s offered against a quota of ${a.quota}/s (baseline p50 ${a.baseline.p50} ms, p99 ${a.baseline.p99} ms)`, a.modes);
    case 'envelope-caching':
      return table(`envelope encryption, ${a.messageRate} messages/s of ${a.messageBytes} bytes over ${a.contexts} contexts`, a.configs, ['cache']);
    case 'mixed':
      return table(`workload ${a.workload} (${a.mode})`, a.operations);
    case 'micro':
      return table('micro benchmarks', a.tasks);
    default:
      return null;
  }
}

export function loadRunView(id: string, file: string, l: LoadResults): LoadRunView {
  const tl = timeline(l);
  const hasOpen = openPhases(l).length > 0;
  const a = l.analysis;
  const throttle = a.suite === 'throttle-curve' ? a : null;
  const title = (what: string) => `${l.suite}: ${what}`;
  return {
    id,
    file,
    suite: l.suite,
    description: l.description,
    startedAt: l.startedAt,
    finishedAt: l.finishedAt,
    endpoint: l.endpoint,
    options: l.options,
    environment: l.environment,
    phases: l.phases.map(phaseRow),
    latency: a.suite === 'latency' ? a : null,
    throttle,
    analysis: analysisTable(a),
    saturatedPhases: openPhases(l)
      .filter((p) => p.result.generator.saturated)
      .map((p) => p.name),
    warnings: l.warnings,
    charts: {
      spectrum: hasOpen ? spectrumChart(title('latency percentile spectrum (from the intended send time)'), spectrumSeries(l)) : null,
      latencyOverTime: hasOpen
        ? timeChart(title('latency over time, per stage'), {
            yLabel: 'latency, ms (log scale)',
            yLog: true,
            unit: 'ms',
            segments: [
              { label: 'p50', segments: tl.p50 },
              { label: 'p99', segments: tl.p99 },
              ...(tl.anyThrottled ? [{ label: 'p99 of successful calls', segments: tl.successP99, dash: '5 3' }] : []),
            ],
            markers: tl.markers,
          })
        : null,
      rates: hasOpen
        ? timeChart(title('offered, achieved and throttled rate per second'), {
            yLabel: 'requests/s',
            unit: '/s',
            series: [
              { label: 'offered', points: tl.offered, dash: '6 3' },
              { label: 'achieved (succeeded)', points: tl.succeeded },
              ...(tl.anyThrottled ? [{ label: 'throttled', points: tl.throttled }] : []),
              ...(tl.anyErrors ? [{ label: 'errors', points: tl.errors }] : []),
            ],
            markers: tl.markers,
          })
        : null,
      throttle: throttle
        ? throttleChart(title(`offered × admitted, symmetric quota ${throttle.quota}/s`), [
            { label: l.suite, quota: throttle.quota, steps: throttle.steps.map((s) => ({ factor: s.factor, offered: s.offeredRate, admitted: s.admittedRate, throttled: s.throttledRate })) },
          ])
        : null,
    },
  };
}

// ───────────────────────────── targets ─────────────────────────────

const uniq = <T>(xs: readonly T[], key: (x: T) => string = (x) => JSON.stringify(x)): T[] => {
  const seen = new Map<string, T>();
  for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
};

function metaView(t: TargetInput): MetaView {
  const dates = [...t.conformance.map((c) => c.results.startedAt), ...t.load.flatMap((l) => [l.results.startedAt, l.results.finishedAt])].sort();
  return {
    endpoints: uniq([
      ...t.conformance.map((c) => ({ url: c.results.target.endpoint, kind: c.results.target.kind, region: c.results.target.region, from: 'conformance' })),
      ...t.load.map((l) => ({ url: l.results.endpoint.url ?? '(in process)', kind: l.results.endpoint.kind, region: l.results.endpoint.region, from: `load ${l.results.suite}` })),
    ]),
    quotas: t.load.map((l) => ({
      suite: l.results.suite,
      symmetric: l.results.endpoint.quota?.symmetric ?? null,
      source: l.results.endpoint.quota?.source ?? null,
      overrides: l.results.endpoint.embeddedQuotas,
    })),
    regions: uniq([...t.conformance.map((c) => c.results.target.region), ...t.load.map((l) => l.results.endpoint.region)]),
    toolVersions: uniq(t.conformance.map((c) => `${c.results.tool.name} ${c.results.tool.version} (runner contract ${c.results.contractVersion})`)),
    node: uniq(t.load.map((l) => l.results.environment.node)),
    machines: uniq(
      t.load.map((l) => {
        const e = l.results.environment;
        return { cpus: e.cpus, cpuModel: e.cpuModel, platform: e.platform, arch: e.arch, loadAverage: e.loadAverage };
      }),
      (m) => `${m.cpus} ${m.cpuModel} ${m.platform} ${m.arch}`,
    ),
    started: dates[0] ?? null,
    finished: dates.at(-1) ?? null,
    expectations: uniq(t.conformance.map((c) => `${c.results.expectations.file ?? '(no expectation file)'} — ${c.results.expectations.target}`)),
    faults: uniq(t.conformance.flatMap((c) => c.results.target.faults)),
    plans: t.plans.map((p) => ({ workload: p.plan.workload.name, region: p.plan.workload.region, quotaProfile: p.plan.workload.quotaProfile })),
  };
}

function deltaView(t: TargetInput, baseline: NonNullable<ReportInput['baseline']>, thresholds: GateThresholds): DeltaView | null {
  if (t.load.length === 0) return null;
  const current = t.load.map((l) => baselineRun(l.results, l.file));
  const result = gateCompare(baseline.runs, current, thresholds);
  if (result.rows.length === 0 && result.missing.length === 0) return null;
  const label = (r: GateRow) => `${r.suite} · ${r.subject} · ${r.metric}`;
  // Runs of the suites this target ran (a baseline may hold other suites too).
  const runs = Math.max(0, ...[...new Set(current.map((r) => r.suite))].map((suite) => baseline.runs.filter((r) => r.suite === suite).length));
  return {
    source: baseline.source,
    baselineRuns: runs,
    thresholds,
    result,
    chart: deltaChart(
      `change against the baseline (${runs} run${runs === 1 ? '' : 's'} per suite), with ${Math.round(thresholds.confidence * 100)} % noise bands`,
      result.rows.map((r) => ({ label: label(r), change: r.comparison.change, band: r.comparison.band, tolerance: r.tolerance, better: r.better, verdict: r.decision.verdict })),
    ),
  };
}

const slug = (i: number) => `t${i + 1}`;

function overviewRow(t: TargetView): OverviewRow {
  const counts = t.conformance.length === 1 ? t.conformance[0]!.counts : null;
  const differences = t.conformance.reduce((n, c) => n + c.differences.length + c.loadErrors.length + c.harnessErrors.length, 0);
  const warnings = t.load.reduce((n, l) => n + l.warnings.length, 0);
  const saturated = t.load.reduce((n, l) => n + l.saturatedPhases.length, 0);
  const regressions = t.deltas ? t.deltas.result.regressions : null;
  return {
    id: t.id,
    label: t.label,
    cases: t.conformance.length ? t.conformance.reduce((n, c) => n + c.counts.total, 0) : null,
    counts,
    differences,
    loadRuns: t.load.length,
    warnings,
    saturated,
    regressions,
    status: differences > 0 || (regressions ?? 0) > 0 ? 'failing' : warnings > 0 ? 'attention' : 'ok',
  };
}

// ───────────────────────────── comparison ─────────────────────────────

function comparisonView(targets: readonly TargetInput[]): ComparisonView {
  const labels = targets.map((t) => t.label);
  // Conformance: every case any target ran; a target's later results.json wins for a case it ran twice.
  const withConformance = targets.some((t) => t.conformance.length > 0);
  let conformance: ComparisonView['conformance'] = null;
  if (withConformance) {
    const byTarget = targets.map((t) => {
      const m = new Map<string, CaseResult>();
      for (const c of t.conformance) for (const r of c.results.cases) m.set(r.id, r);
      return m;
    });
    const ids = [...new Set(byTarget.flatMap((m) => [...m.keys()]))].sort();
    const rows = ids.map((id) => {
      const any = byTarget.map((m) => m.get(id)).find(Boolean)!;
      const cells = byTarget.map((m) => {
        const c = m.get(id);
        return c ? { outcome: c.outcome, asExpected: c.asExpected } : null;
      });
      const present = cells.filter((c): c is NonNullable<typeof c> => c !== null);
      return { id, title: any.title, doc: any.doc, cells, agree: present.every((c) => c.outcome === present[0]!.outcome) };
    });
    conformance = {
      counts: targets.map((t) => (t.conformance.length === 1 ? t.conformance[0]!.results.counts : null)),
      disagreeing: rows.filter((r) => !r.agree),
      agreeing: rows.filter((r) => r.agree),
      total: rows.length,
    };
  }
  // Latency: per operation of the latency suite; several runs of a target are merged as distributions.
  let latency: ComparisonView['latency'] = null;
  const perTarget = targets.map((t) => {
    const byOp = new Map<string, HistogramSummary[]>();
    for (const l of t.load) {
      if (l.results.analysis.suite !== 'latency') continue;
      for (const p of openPhases(l.results)) if (p.result.latency.count > 0) (byOp.get(p.name) ?? byOp.set(p.name, []).get(p.name)!).push(p.result.latency);
    }
    return byOp;
  });
  const ops = [...new Set(perTarget.flatMap((m) => [...m.keys()]))];
  if (ops.length > 0 && perTarget.filter((m) => m.size > 0).length >= 1) {
    const rows = ops.map((operation) => ({
      operation,
      cells: perTarget.map((m) => {
        const runs = m.get(operation);
        if (!runs?.length) return null;
        if (runs.length === 1) {
          const h = runs[0]!;
          return { runs: 1, count: h.count, p50: h.p50, p90: h.p90, p99: h.p99, p999: h.p999, max: h.max };
        }
        return { runs: runs.length, ...keyPercentiles(mergeDistributions(runs, [0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100])) };
      }),
    }));
    latency = {
      rows,
      chart: barChart(
        'p99 latency by operation and target (from the intended send time)',
        ops,
        labels.map((label, i) => ({ label, values: rows.map((r) => r.cells[i]?.p99 ?? null) })),
        { xLabel: 'p99, ms (log scale)', unit: 'ms' },
      ),
    };
  }
  const curves: ThrottleSeries[] = targets.flatMap((t) =>
    t.load.flatMap((l) => {
      const a = l.results.analysis;
      return a.suite === 'throttle-curve'
        ? [{ label: t.label, quota: a.quota, steps: a.steps.map((s) => ({ factor: s.factor, offered: s.offeredRate, admitted: s.admittedRate, throttled: s.throttledRate })) }]
        : [];
    }),
  );
  return {
    targets: labels,
    conformance,
    latency,
    throttleChart: new Set(curves.map((c) => c.label)).size >= 2 ? throttleChart('throttle curves by target', curves) : null,
  };
}

// ───────────────────────────── the report ─────────────────────────────

export function buildModel(input: ReportInput): ReportModel {
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const targets: TargetView[] = input.targets.map((t, i) => ({
    id: slug(i),
    label: t.label,
    source: t.source,
    meta: metaView(t),
    conformance: t.conformance.map((c) => conformanceView(c.file, c.results)),
    load: t.load.map((l, j) => loadRunView(`${slug(i)}-load-${j + 1}`, l.file, l.results)),
    deltas: input.baseline && input.baseline.runs.length > 0 ? deltaView(t, input.baseline, thresholds) : null,
    plans: t.plans,
  }));
  return {
    title: input.title ?? (targets.length > 1 ? `kmsbench report: ${targets.map((t) => t.label).join(' vs ')}` : `kmsbench report: ${targets[0]?.label ?? 'no results'}`),
    generatedAt: input.generatedAt,
    toolVersion: input.toolVersion,
    overview: targets.map(overviewRow),
    targets,
    comparison: input.targets.length > 1 ? comparisonView(input.targets) : null,
    thresholds,
  };
}
