/**
 * The gate's verdict on each target of a report (pure): the target's load runs compared with the
 * baseline runs, for the report to show as its baseline deltas. The caller (the CLI) computes it
 * and hands the report the data.
 *
 * @module
 */
import type { BaselineRun } from '../results/baseline-file.js';
import type { BaselineDeltas, GateThresholds } from '../results/gate-results.js';
import type { LoadResults } from '../results/load-results.js';
import { baselineRun } from './baseline.js';
import { DEFAULT_THRESHOLDS, gateCompare } from './compare.js';

export interface Baseline {
  /** What the runs came from (shown in the report). */
  source: string;
  runs: readonly BaselineRun[];
}

/** One target's load runs against the baseline; null when there is nothing to compare. */
export function baselineDeltas(baseline: Baseline, load: readonly { file: string; results: LoadResults }[], thresholds: GateThresholds = DEFAULT_THRESHOLDS): BaselineDeltas | null {
  if (load.length === 0 || baseline.runs.length === 0) return null;
  const current = load.map((l) => baselineRun(l.results, l.file));
  const result = gateCompare(baseline.runs, current, thresholds);
  if (result.rows.length === 0 && result.missing.length === 0) return null;
  // Runs of the suites this target ran (a baseline may hold other suites too).
  const runs = Math.max(0, ...[...new Set(current.map((r) => r.suite))].map((suite) => baseline.runs.filter((r) => r.suite === suite).length));
  return { source: baseline.source, baselineRuns: runs, result };
}

/** Every target's deltas, in the order of the targets (for ReportInput.deltas). */
export function reportDeltas(baseline: Baseline | undefined, targets: readonly { load: readonly { file: string; results: LoadResults }[] }[], thresholds: GateThresholds = DEFAULT_THRESHOLDS): (BaselineDeltas | null)[] {
  return targets.map((t) => (baseline ? baselineDeltas(baseline, t.load, thresholds) : null));
}
