/**
 * `plan.json`, a capacity plan (`kmsbench plan WORKLOAD --json --out plan.json`), as far as a
 * report reads it. The planner's result is a TypeScript type (harness/plan/capacity-plan.ts,
 * `PlanResult`), not a zod schema, so this validates the part the report shows; a compile-time
 * check there keeps it a subset of `PlanResult`. Published as JSON Schema in
 * reports/schema/plan.schema.json (`npm run schemas`).
 *
 * @module
 */
import { z } from 'zod';

/** JSON turns Infinity (a zero quota with traffic) into null. */
const Ratio = z.number().nullable();

export const PlanFileSchema = z.object({
  kind: z.literal('kmsbench.plan'),
  version: z.literal(1),
  workload: z.object({
    name: z.string(),
    description: z.string().optional(),
    region: z.string(),
    quotaProfile: z.string(),
    quotaOverrides: z.array(z.string()),
    peakFactor: z.number(),
    targetUtilization: z.number(),
  }),
  streams: z.array(
    z.object({
      id: z.string(),
      service: z.string(),
      operation: z.string(),
      key: z.string().optional(),
      average: z.number(),
      peak: z.number(),
      hitRatio: z.object({ average: z.number(), peak: z.number() }).optional(),
    }),
  ),
  classes: z.array(
    z.object({
      id: z.string(),
      awsName: z.string(),
      quota: z.number(),
      target: z.number(),
      average: z.number(),
      peak: z.number(),
      utilization: Ratio,
      headroom: z.number(),
      status: z.enum(['ok', 'tight', 'over']),
      increase: z.enum(['none', 'recommended', 'required']),
      suggestedQuota: z.number().optional(),
    }),
  ),
  cacheAdvice: z.array(z.object({ classId: z.string(), possible: z.boolean(), note: z.string(), peakAfter: z.number().optional(), target: z.number() })),
  advice: z.array(z.string()),
  cost: z.object({
    currency: z.literal('USD'),
    keys: z.array(z.object({ name: z.string(), spec: z.string(), count: z.number(), managedBy: z.enum(['customer', 'aws']), monthly: z.number() })),
    requests: z.array(z.object({ tier: z.string(), pricePerTenThousand: z.number(), requestsPerMonth: z.number(), monthly: z.number() })),
    freeTierCredit: z.number(),
    keysMonthly: z.number(),
    requestsMonthly: z.number(),
    total: z.number(),
    steadyStateTotal: z.number(),
  }),
  latency: z
    .object({
      source: z.string(),
      rows: z.array(
        z.object({
          operation: z.string(),
          peak: z.number(),
          p50: z.number().nullable(),
          p99: z.number().nullable(),
          inFlightP50: z.number().nullable(),
          inFlightP99: z.number().nullable(),
        }),
      ),
      totalInFlightP50: z.number(),
      totalInFlightP99: z.number(),
    })
    .optional()
    .describe("the plan at an endpoint's measured latency: calls in flight at peak by Little's law (harness/plan/latency.ts)"),
}).meta({ title: 'kmsbench capacity plan', description: 'plan.json written by `kmsbench plan WORKLOAD --json` (the part a report reads; harness/results/plan-results.ts)' });

export type PlanFile = z.infer<typeof PlanFileSchema>;
