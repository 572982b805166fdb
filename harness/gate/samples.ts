/**
 * What the gate compares, taken from a `load.json` (pure): per metric, the samples one run
 * contributes.
 *
 * | suite | metric | samples per run |
 * |---|---|---|
 * | open-model phases (latency, mixed, envelope-caching, backoff …) | p99 latency (from the intended send time) | one: the phase's p99 |
 * | same | throughput (successful requests per second) | one per whole second inside a measured stage |
 * | throttle-curve | admitted rate per step | one per step |
 * | throttle-curve | p99 of successful calls, steps at or below the quota | one per step |
 * | saturate phases (closed loop) | requests per second, p99 | one each |
 * | micro | operations per second per task | one per task |
 *
 * A p99 is a property of a whole distribution, so one run gives one p99; runs repeated give the
 * gate its samples (`load.json` records per-second counts, not per-second latency). Throughput
 * has per-second samples within a run.
 *
 * @module
 */
import type { MetricRun } from '../results/baseline-file.js';
import type { LoadResults, RunResult } from '../results/load-results.js';

const keyOf = (suite: string, subject: string, metric: MetricRun['metric']) => `${suite}/${subject}/${metric}`;

function metric(suite: string, subject: string, m: MetricRun['metric'], sampling: MetricRun['sampling'], samples: number[], unit?: MetricRun['unit']): MetricRun {
  return {
    key: keyOf(suite, subject, m),
    suite,
    subject,
    metric: m,
    unit: unit ?? (m === 'p99' ? 'ms' : '/s'),
    better: m === 'p99' ? 'lower' : 'higher',
    sampling,
    samples,
  };
}

/**
 * Successful requests in every whole second of the schedule that lies inside one measured
 * stage (warm-up and the partial seconds at stage edges are left out: their counts are not
 * rates).
 */
export function wholeSecondSuccesses(r: Pick<RunResult, 'stages' | 'perSecond'>): number[] {
  const windows: [number, number][] = [];
  let t = 0;
  for (const s of r.stages) {
    if (s.measure !== false && (s.toRate === undefined || s.toRate === s.rate)) windows.push([t, t + s.durationMs]);
    t += s.durationMs;
  }
  const out: number[] = [];
  for (const p of r.perSecond) {
    const from = p.second * 1000;
    const to = from + 1000;
    if (windows.some(([a, b]) => a <= from && to <= b)) out.push(p.succeeded);
  }
  return out;
}

/** The metrics of one load run. */
export function loadMetrics(load: LoadResults): MetricRun[] {
  const suite = load.suite;
  const out: MetricRun[] = [];
  const a = load.analysis;
  if (a.suite === 'throttle-curve') {
    for (const s of a.steps) {
      const subject = `${s.factor}x quota`;
      out.push(metric(suite, subject, 'throughput', 'run', [s.admittedRate]));
      if (s.factor <= 1 && s.successP99 > 0) out.push(metric(suite, subject, 'p99', 'run', [s.successP99]));
    }
    return out;
  }
  if (a.suite === 'micro') {
    for (const t of a.tasks) out.push(metric(suite, t.name, 'throughput', 'run', [t.opsPerSec]));
    return out;
  }
  for (const p of load.phases) {
    if (p.kind === 'open') {
      const r = p.result;
      if (r.latency.count > 0) out.push(metric(suite, p.name, 'p99', 'run', [r.latency.p99]));
      const seconds = wholeSecondSuccesses(r);
      if (seconds.length > 0) out.push(metric(suite, p.name, 'throughput', 'second', seconds));
    } else if (p.kind === 'saturate') {
      out.push(metric(suite, p.name, 'throughput', 'run', [p.result.rps.mean]));
      if (p.result.requests > 0) out.push(metric(suite, p.name, 'p99', 'run', [p.result.latencyMs.p99]));
    } else {
      for (const t of p.tasks) out.push(metric(suite, `${p.name}: ${t.name}`, 'throughput', 'run', [t.opsPerSec]));
    }
  }
  return out;
}

/** Pools the samples of several runs per metric (first-seen order). */
export function poolRuns(runs: readonly (readonly MetricRun[])[]): { metric: MetricRun; runs: number }[] {
  const byKey = new Map<string, { metric: MetricRun; runs: number }>();
  for (const run of runs) {
    for (const m of run) {
      const hit = byKey.get(m.key);
      if (hit) {
        hit.metric = { ...hit.metric, samples: [...hit.metric.samples, ...m.samples] };
        hit.runs++;
      } else byKey.set(m.key, { metric: { ...m, samples: [...m.samples] }, runs: 1 });
    }
  }
  return [...byKey.values()];
}
