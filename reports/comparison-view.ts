/**
 * Several targets side by side (pure): conformance verdicts per case (disagreements first),
 * latency percentiles per operation (several runs of a target merged as distributions), and
 * throttle curves.
 *
 * @module
 */
import { failSplit } from '../harness/results/conformance-tally.js';
import type { CaseResult, Results } from '../harness/results/conformance-results.js';
import type { HistogramSummary } from '../harness/results/load-results.js';
import type { ResultFolder } from '../harness/results/result-folder.js';
import { barChart, throttleChart, type ThrottleSeries } from './charts/charts.js';
import { keyPercentiles, mergeDistributions } from './spectrum.js';
import { openPhases } from './timeline.js';

export interface ComparisonCaseRow {
  id: string;
  title: string;
  doc: string;
  cells: ({ outcome: CaseResult['outcome']; asExpected: boolean } | null)[];
  agree: boolean;
  /** The kind of evidence behind the case (from any target's results; absent in contract 1.x). */
  sourceKind?: NonNullable<CaseResult['source']>['kind'];
}

export interface ComparisonView {
  targets: string[];
  conformance: {
    counts: ((Results['counts'] & { fails: { established: number; inferred: number } }) | null)[];
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

export function comparisonView(targets: readonly ResultFolder[]): ComparisonView {
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
      const source = byTarget.map((m) => m.get(id)?.source).find(Boolean);
      return { id, title: any.title, doc: any.doc, cells, agree: present.every((c) => c.outcome === present[0]!.outcome), ...(source ? { sourceKind: source.kind } : {}) };
    });
    conformance = {
      counts: targets.map((t) => {
        const counts = t.conformance.length === 1 ? t.conformance[0]!.results.counts : null;
        return counts ? { ...counts, fails: failSplit(counts) } : null;
      }),
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
