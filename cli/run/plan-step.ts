/**
 * The main job's plan step, once per target: the capacity plan of an example workload
 * (suites/workloads/) at the target's latency as its load run measured it, in
 * OUT/<target>/plan/plan.json, for the report.
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkloadText, planLatency, planWorkload, type MeasuredLatency } from '../../harness/plan/index.js';
import type { LoadResults } from '../../harness/results/load-results.js';
import { ROOT } from '../paths.js';

const EXAMPLE_WORKLOAD = 'microservice-fleet-envelope-caching.yaml';

/**
 * What a latency run measured, per KMS operation (its rows are labelled `Encrypt 1 KiB`, …; the
 * first row of an operation counts). Rows without a successful call say nothing about latency.
 */
export function measuredLatency(load: LoadResults): MeasuredLatency[] {
  const a = load.analysis;
  if (a.suite !== 'latency' || a.mode !== 'open') return [];
  return a.operations.filter((r) => r.succeededRate > 0).map((r) => ({ operation: r.operation.split(' ')[0]!, p50: r.p50, p99: r.p99 }));
}

/** Writes the plan; with a latency run, the plan at its latencies (`source`: where that run is). */
export function planStep(dir: string, latency?: { results: LoadResults; source: string }): void {
  if (!ROOT) return;
  const file = join(ROOT, 'suites', 'workloads', EXAMPLE_WORKLOAD);
  if (!existsSync(file)) return;
  const plan = planWorkload(parseWorkloadText(readFileSync(file, 'utf8'), file));
  const measured = latency ? measuredLatency(latency.results) : [];
  if (latency && measured.length > 0) plan.latency = planLatency(plan, measured, latency.source);
  mkdirSync(join(dir, 'plan'), { recursive: true });
  writeFileSync(join(dir, 'plan', 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
}
