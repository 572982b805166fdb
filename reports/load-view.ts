/**
 * A load run (load.json) as the report shows it (pure): a row per phase, the suite's analysis,
 * generator warnings, and its charts (latency spectrum, latency and rates over time, throttle
 * curve).
 *
 * @module
 */
import type { LoadResults } from '../harness/results/load-results.js';
import { spectrumChart, throttleChart, timeChart, type SpectrumSeries } from './charts/charts.js';
import { openPhases, settling, timeline } from './timeline.js';

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
