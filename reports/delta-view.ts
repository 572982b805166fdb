/**
 * A target's load runs against a baseline, as the report shows them (pure): the gate's verdicts,
 * computed by the caller (harness/gate/baseline-deltas.ts) and handed in as data, and their chart.
 *
 * @module
 */
import type { BaselineDeltas, GateResult, GateRow, GateThresholds } from '../harness/results/gate-results.js';
import { deltaChart } from './charts/charts.js';

export interface DeltaView {
  source: string;
  baselineRuns: number;
  thresholds: GateThresholds;
  result: GateResult;
  chart: string;
}

export function deltaView(d: BaselineDeltas): DeltaView {
  const { result, baselineRuns: runs } = d;
  const thresholds = result.thresholds;
  const label = (r: GateRow) => `${r.suite} · ${r.subject} · ${r.metric}`;
  return {
    source: d.source,
    baselineRuns: runs,
    thresholds,
    result,
    chart: deltaChart(
      `change against the baseline (${runs} run${runs === 1 ? '' : 's'} per suite), with ${Math.round(thresholds.confidence * 100)} % noise bands`,
      result.rows.map((r) => ({ label: label(r), change: r.comparison.change, band: r.comparison.band, tolerance: r.tolerance, better: r.better, verdict: r.decision.verdict })),
    ),
  };
}
