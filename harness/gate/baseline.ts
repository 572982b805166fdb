/**
 * Baseline files (`kmsbench gate --save-baseline FILE`): the gate's metrics of one or more load
 * runs, with what is needed to tell whether two sets of runs are comparable at all (machine,
 * endpoint, suite options). Zod schema; JSON Schema in reports/schema/baseline.schema.json.
 *
 * A baseline keeps the samples, not a load.json: it stays small (a few KiB per run) and
 * readable when load.json's schema moves on.
 *
 * @module
 */
import { z } from 'zod';
import type { LoadResults } from '../load/schema.js';
import { loadMetrics, MetricRunSchema } from './samples.js';

export const BASELINE_VERSION = 1;

export const BaselineRunSchema = z.object({
  source: z.string().describe('the load.json the run came from'),
  suite: z.string(),
  startedAt: z.string(),
  endpoint: z.object({ kind: z.string(), url: z.string().nullable(), region: z.string(), quota: z.number().nullable() }),
  options: z.object({ mode: z.string(), client: z.string(), rate: z.number().nullable(), durationMs: z.number() }),
  machine: z.object({ node: z.string(), platform: z.string(), arch: z.string(), cpus: z.number().int(), cpuModel: z.string() }),
  metrics: z.array(MetricRunSchema),
});

export type BaselineRun = z.infer<typeof BaselineRunSchema>;

export const BaselineFileSchema = z.object({
  kind: z.literal('kmsbench-baseline'),
  version: z.literal(BASELINE_VERSION),
  savedAt: z.string(),
  runs: z.array(BaselineRunSchema),
});

export type BaselineFile = z.infer<typeof BaselineFileSchema>;

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

export function baselineJsonSchema(): object {
  return {
    title: 'kmsbench baseline',
    description: 'written by `kmsbench gate --save-baseline` and read by `kmsbench gate --baseline` and `kmsbench report --baseline` (harness/gate/baseline.ts)',
    ...z.toJSONSchema(BaselineFileSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}
