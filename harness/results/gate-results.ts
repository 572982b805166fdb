/**
 * What the regression gate decides (harness/gate): per metric, the comparison of the current
 * samples with the baseline's, the verdict, and the thresholds it was judged by. `kmsbench gate
 * --json` prints a {@link GateResult}; the report shows one per target as its baseline deltas.
 * Published as JSON Schema in reports/schema/gate.schema.json (`npm run schemas`).
 *
 * @module
 */
import { z } from 'zod';
import { MetricRunSchema } from './baseline-file.js';

export const GateThresholdsSchema = z
  .object({
    maxP99Regression: z.number().describe('p99 may be this fraction higher (0.10)'),
    minThroughputRatio: z.number().describe("throughput must stay at least this fraction of the baseline's (0.95)"),
    alpha: z.number().describe("family-wise significance level (Holm's correction)"),
    confidence: z.number().describe('two-sided level of the noise bands shown'),
  })
  .meta({ id: 'GateThresholds' });

export type GateThresholds = z.infer<typeof GateThresholdsSchema>;

export const BetterSchema = z.enum(['lower', 'higher']);
export type Better = z.infer<typeof BetterSchema>;

export const MethodSchema = z.enum(['mann-whitney', 't-log', 'none']);
export type Method = z.infer<typeof MethodSchema>;

export const ComparisonSchema = z
  .object({
    method: MethodSchema,
    nBaseline: z.number().int(),
    nCurrent: z.number().int(),
    baseline: z.number().describe("the baseline's centre: median of its samples (geometric mean for t-log, whose change is the ratio of geometric means)"),
    current: z.number().describe("the current samples' centre, likewise"),
    change: z.number().describe('estimated relative change, current / baseline − 1'),
    band: z
      .tuple([z.number(), z.number()])
      .nullable()
      .describe('the interval of `change` at the confidence asked for: the noise band; null when it cannot be estimated or is unbounded'),
    pHigher: z.number().describe('one-sided p-value of "current is higher than baseline" (1 when there is no evidence to weigh)'),
    pLower: z.number().describe('one-sided p-value of "current is lower than baseline"'),
  })
  .meta({ id: 'Comparison' });

export type Comparison = z.infer<typeof ComparisonSchema>;

export const VerdictSchema = z.enum(['regression', 'improvement', 'ok', 'insufficient']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const DecisionSchema = z
  .object({
    verdict: VerdictSchema,
    worse: z.number().describe('the change in the worse direction (0.2: 20 % worse; negative: better)'),
    pWorse: z.number().describe('one-sided p-value of "worse", before Holm\'s correction'),
    pAdjusted: z.number().describe("… and after Holm's correction"),
    note: z.string().describe('why, in a few words'),
  })
  .meta({ id: 'Decision' });

export type Decision = z.infer<typeof DecisionSchema>;

export const GateRowSchema = z
  .object({
    key: z.string(),
    suite: z.string(),
    subject: z.string(),
    metric: MetricRunSchema.shape.metric,
    unit: MetricRunSchema.shape.unit,
    better: BetterSchema,
    sampling: MetricRunSchema.shape.sampling,
    baselineRuns: z.number().int().describe('runs that contributed on the baseline side'),
    currentRuns: z.number().int().describe('runs that contributed on the current side'),
    tolerance: z.number(),
    comparison: ComparisonSchema,
    decision: DecisionSchema,
  })
  .meta({ id: 'GateRow' });

export type GateRow = z.infer<typeof GateRowSchema>;

export const GateResultSchema = z
  .object({
    thresholds: GateThresholdsSchema,
    rows: z.array(GateRowSchema),
    missing: z.array(z.object({ key: z.string(), only: z.enum(['baseline', 'current']) })).describe('metrics present on one side only'),
    warnings: z.array(z.string()).describe('reasons to distrust the comparison (different machines, rates, endpoints)'),
    regressions: z.number().int(),
    improvements: z.number().int(),
    insufficient: z.number().int(),
  })
  .meta({ title: 'kmsbench gate result', description: 'printed by `kmsbench gate --json` (harness/results/gate-results.ts)' });

export type GateResult = z.infer<typeof GateResultSchema>;

/** A target's load runs against a baseline, as a report shows them (harness/gate/baseline-deltas.ts). */
export const BaselineDeltasSchema = z
  .object({
    source: z.string().describe('the baseline: a baseline file, a load.json, a directory of them, or earlier runs'),
    baselineRuns: z.number().int().describe('runs per suite in the baseline, for the suites the target ran'),
    result: GateResultSchema,
  })
  .meta({ id: 'BaselineDeltas' });

export type BaselineDeltas = z.infer<typeof BaselineDeltasSchema>;
