/**
 * Baseline files (`kmsbench gate --save-baseline FILE`, and `history.json` of `kmsbench run`):
 * the gate's metrics of one or more load runs, with what is needed to tell whether two sets of
 * runs are comparable at all (machine, endpoint, suite options). Published as JSON Schema in
 * reports/schema/baseline.schema.json (`npm run schemas`).
 *
 * A baseline keeps the samples, not a load.json: it stays small (a few KiB per run) and
 * readable when load.json's schema moves on. The samples are taken by harness/gate/samples.ts.
 *
 * @module
 */
import { z } from 'zod';

export const BASELINE_VERSION = 1;

/** One metric of one run, with the samples it contributes. */
export const MetricRunSchema = z
  .object({
    key: z.string().describe('suite/subject/metric: what is compared with what'),
    suite: z.string(),
    subject: z.string().describe('operation, phase or step'),
    metric: z.enum(['p99', 'throughput']),
    unit: z.enum(['ms', '/s']),
    better: z.enum(['lower', 'higher']),
    sampling: z.enum(['second', 'run']).describe('one sample per whole measured second, or one per run'),
    samples: z.array(z.number()),
  })
  .meta({ id: 'MetricRun' });

export type MetricRun = z.infer<typeof MetricRunSchema>;

export const BaselineRunSchema = z
  .object({
    source: z.string().describe('the load.json the run came from'),
    suite: z.string(),
    startedAt: z.string(),
    endpoint: z.object({ kind: z.string(), url: z.string().nullable(), region: z.string(), quota: z.number().nullable() }),
    options: z.object({ mode: z.string(), client: z.string(), rate: z.number().nullable(), durationMs: z.number() }),
    machine: z.object({ node: z.string(), platform: z.string(), arch: z.string(), cpus: z.number().int(), cpuModel: z.string() }),
    metrics: z.array(MetricRunSchema),
  })
  .meta({ id: 'BaselineRun' });

export type BaselineRun = z.infer<typeof BaselineRunSchema>;

export const BaselineFileSchema = z
  .object({
    kind: z.literal('kmsbench-baseline'),
    version: z.literal(BASELINE_VERSION),
    savedAt: z.string(),
    runs: z.array(BaselineRunSchema),
  })
  .meta({
    title: 'kmsbench baseline',
    description: 'written by `kmsbench gate --save-baseline` and read by `kmsbench gate --baseline` and `kmsbench report --baseline` (harness/results/baseline-file.ts)',
  });

export type BaselineFile = z.infer<typeof BaselineFileSchema>;
