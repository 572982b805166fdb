/**
 * Baseline files as the gate makes them (the schema is harness/results/baseline-file.ts): a load
 * run's metrics with what tells whether two runs are comparable, a file of runs, and a rolling
 * history of the newest runs per suite.
 *
 * @module
 */
import { BASELINE_VERSION, type BaselineFile, type BaselineRun } from '../results/baseline-file.js';
import type { LoadResults } from '../results/load-results.js';
import { loadMetrics } from './samples.js';

/** A load run as the gate sees it. */
export function baselineRun(load: LoadResults, source: string): BaselineRun {
  const e = load.environment;
  return {
    source,
    suite: load.suite,
    startedAt: load.startedAt,
    endpoint: { kind: load.endpoint.kind, url: load.endpoint.url, region: load.endpoint.region, quota: load.endpoint.quota?.symmetric ?? null },
    options: { mode: load.options.mode, client: load.options.client, rate: load.options.rate, durationMs: load.options.durationMs },
    machine: { node: e.node, platform: e.platform, arch: e.arch, cpus: e.cpus, cpuModel: e.cpuModel },
    metrics: loadMetrics(load),
  };
}

export function baselineFile(runs: readonly BaselineRun[], savedAt: string): BaselineFile {
  return { kind: 'kmsbench-baseline', version: BASELINE_VERSION, savedAt, runs: [...runs] };
}

/** The newest `keep` runs per suite (for a rolling history), newest last. */
export function keepNewest(runs: readonly BaselineRun[], keep: number): BaselineRun[] {
  const bySuite = new Map<string, BaselineRun[]>();
  for (const r of [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    (bySuite.get(r.suite) ?? bySuite.set(r.suite, []).get(r.suite)!).push(r);
  }
  return [...bySuite.values()].flatMap((rs) => rs.slice(-keep)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
