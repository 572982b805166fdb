/**
 * The schema of `load.json`, written by `kmsbench load`: zod here, published as JSON Schema in
 * reports/schema/load.schema.json (`npm run schemas`; scripts/write-schemas.test.ts fails when
 * the file is stale).
 *
 * Units: durations in milliseconds, rates per second. Every request is attributed to the second
 * and the stage of its intended send time.
 *
 * @module
 */
import { z } from 'zod';

export const SpectrumPointSchema = z
  .object({
    percentile: z.number().describe('0..100'),
    ms: z.number().describe('the value at or below which `percentile` % of the recorded values lie, in milliseconds'),
  })
  .meta({ id: 'SpectrumPoint' });

export const HistogramSummarySchema = z
  .object({
    count: z.number().int().nonnegative(),
    min: z.number(),
    mean: z.number(),
    stddev: z.number(),
    p50: z.number(),
    p90: z.number(),
    p99: z.number(),
    p999: z.number().describe('99.9th percentile'),
    max: z.number(),
    spectrum: z
      .array(SpectrumPointSchema)
      .describe('the full percentile spectrum, HdrHistogram style: 5 points per halving of the distance to 100 % (0, 10, …, 50, 55, …, 75, 77.5, …), down to one value in the count, then 100'),
  })
  .meta({ id: 'HistogramSummary', description: 'durations in milliseconds (recorded in nanoseconds, 3 significant digits); all zero when nothing was recorded' });

export type HistogramSummary = z.infer<typeof HistogramSummarySchema>;

/** The SDK client's retry policy (harness/load/sdk.ts, `--retry`). */
export const RetrySpecSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('off') }),
    z.object({ mode: z.literal('standard'), maxAttempts: z.number().int().min(1) }),
    z.object({ mode: z.literal('adaptive'), maxAttempts: z.number().int().min(1) }),
    z.object({
      mode: z.literal('custom'),
      maxAttempts: z.number().int().min(1),
      baseMs: z.number().positive().describe('first retry delay before jitter'),
      capMs: z.number().positive().describe('largest delay before jitter'),
      jitter: z.enum(['full', 'equal', 'none']).describe('full: uniform [0, d]; equal: d/2 + uniform [0, d/2]'),
    }),
  ])
  .meta({ id: 'RetrySpec' });

export type RetrySpec = z.infer<typeof RetrySpecSchema>;

/** Bounds of a data-key cache (the envelope client's, and a request mix's `envelope.cache`). */
export const DataKeyCacheSchema = z
  .object({
    maxAgeMs: z.number().positive().describe('an entry is not used after this age'),
    maxMessages: z.number().int().positive().optional().describe('messages one data key may encrypt (default: unbounded)'),
    maxBytes: z.number().int().positive().optional().describe('plaintext bytes one data key may encrypt (default: unbounded)'),
    capacity: z.number().int().positive().default(1000).describe('entries (one per encryption context)'),
  })
  .strict()
  .meta({ id: 'DataKeyCache' });

export type DataKeyCache = z.infer<typeof DataKeyCacheSchema>;

export const LOAD_SCHEMA_VERSION = 1;

export const CountsSchema = z.object({
  offered: z.number().int().describe('requests the schedule asked for'),
  sent: z.number().int().describe('requests written to the wire (raw) or handed to the SDK'),
  completed: z.number().int().describe('requests with an outcome: succeeded + throttled + errors'),
  succeeded: z.number().int(),
  throttled: z.number().int().describe('ThrottlingException (from the reply `__type`; in SDK mode after all retries)'),
  errors: z.number().int().describe('other error replies and transport failures'),
  unfinished: z.number().int().describe('offered but without an outcome when the run ended'),
}).meta({ id: 'Counts' });

export const RatesSchema = z
  .object({
    offered: z.number(),
    sent: z.number(),
    completed: z.number(),
    succeeded: z.number(),
    throttled: z.number(),
    errors: z.number(),
  })
  .meta({ id: 'Rates', description: 'per second over the measured schedule time' });

const SecondCountsSchema = z.object({
  offered: z.number().int(),
  sent: z.number().int(),
  completed: z.number().int(),
  succeeded: z.number().int(),
  throttled: z.number().int(),
  errors: z.number().int(),
});

export const SecondSampleSchema = SecondCountsSchema.extend({
  second: z.number().int().describe('second of the schedule (intended send time)'),
  byOperation: z.record(z.string(), SecondCountsSchema).optional().describe('when the run mixes operations'),
}).meta({ id: 'SecondSample' });

export const GroupResultSchema = z.object({
  counts: CountsSchema,
  rates: RatesSchema,
  errorCodes: z.record(z.string(), z.number().int()).describe('error code → count (`Transport`, `ConnectFailed` for connection failures)'),
  latency: HistogramSummarySchema.describe('intended send time → reply, every reply (coordinated-omission free)'),
  service: HistogramSummarySchema.describe('actual send time → reply, every reply'),
  successLatency: HistogramSummarySchema.describe('intended send time → reply, successful replies only'),
  attempts: z.number().int().describe('SDK attempts over all calls (1 per call without retries)'),
});

export const StageSchema = z.object({
  durationMs: z.number(),
  rate: z.number(),
  toRate: z.number().optional(),
  label: z.string().optional(),
  measure: z.boolean().optional(),
}).meta({ id: 'Stage' });

export const GeneratorSchema = z.object({
  saturated: z.boolean().describe('the generator could not keep its schedule: figures describe the generator, not the endpoint'),
  reasons: z.array(z.string()),
  connectionLimited: z.boolean().describe('requests waited for a free connection: the endpoint held more requests at once than the connection limit'),
  onTimeRatio: z.number().describe('arrivals handled by the end of the schedule / arrivals scheduled'),
  sendLag: HistogramSummarySchema.describe('intended → actual send time (includes waits for a free connection)'),
  scheduleLag: HistogramSummarySchema.describe("intended time → the generator handled the arrival (the generator's own lateness)"),
  connectionWait: HistogramSummarySchema.describe('waits for a free connection, for the requests that waited'),
  queuedForConnection: z.number().int().describe('requests that waited for a connection (also while the pool was growing)'),
  queuedAtLimit: z.number().int().describe('… of which found every allowed connection open and busy'),
  connectionsOpened: z.number().int(),
  maxConnections: z.number().int().describe('connection limit over all threads (0: the SDK manages its own)'),
  maxInFlight: z.number().int().describe('most requests in flight at once (sum of per-thread maxima)'),
  eventLoopDelayMs: z.object({ mean: z.number(), p50: z.number(), p99: z.number(), max: z.number() }).optional().describe('worst thread'),
  eventLoopUtilization: z.number().describe('busy fraction of the busiest generator event loop'),
  gc: z
    .object({ count: z.number().int(), totalMs: z.number(), maxMs: z.number() })
    .describe('garbage-collection pauses of the generator threads during the run (each stops the schedule)'),
  threads: z.number().int().describe('worker threads (0: ran in the main thread)'),
});

export const RunResultSchema = z.object({
  client: z.enum(['raw', 'sdk', 'envelope']),
  retry: RetrySpecSchema.optional().describe('SDK retry policy'),
  arrivals: z.enum(['constant', 'poisson']),
  stages: z.array(StageSchema),
  scheduledMs: z.number().describe('schedule length, warm-up stages included'),
  measuredMs: z.number().describe('length of the measured stages'),
  elapsedMs: z.number().describe('schedule plus drain'),
  counts: CountsSchema,
  rates: RatesSchema,
  errorCodes: z.record(z.string(), z.number().int()),
  latency: HistogramSummarySchema,
  service: HistogramSummarySchema,
  successLatency: HistogramSummarySchema,
  attempts: z.number().int(),
  retriesPerSuccess: z.number().describe('(attempts − calls) / successful calls; 0 without retries'),
  unmeasured: CountsSchema.describe('requests of warm-up stages (not in any other figure)'),
  byOperation: z.array(GroupResultSchema.extend({ operation: z.string() })),
  byStage: z.array(GroupResultSchema.extend({ stage: StageSchema })),
  perSecond: z.array(SecondSampleSchema),
  generator: GeneratorSchema,
  signingUs: z.number().optional().describe('raw client: mean cost of signing one request, measured apart from the run'),
  extra: z.record(z.string(), z.number()).describe('client-specific counters (data-key cache: kmsCalls, cacheHits, …)'),
}).meta({ id: 'RunResult' });

export type RunResult = z.infer<typeof RunResultSchema>;

export const SaturateResultSchema = z.object({
  tool: z.enum(['closed-loop', 'autocannon']).describe('the closed-loop client: harness/load/closed-loop.ts (autocannon in earlier versions of kmsbench)'),
  connections: z.number().int(),
  durationMs: z.number(),
  requests: z.number().int(),
  rps: z.object({ mean: z.number(), stddev: z.number(), min: z.number(), max: z.number() }),
  latencyMs: z.object({ mean: z.number(), p50: z.number(), p90: z.number(), p99: z.number(), p999: z.number(), max: z.number() }),
  succeeded: z.number().int(),
  throttled: z.number().int(),
  errorReplies: z.number().int(),
  transportErrors: z.number().int(),
  byOperation: z.array(z.object({ operation: z.string(), requests: z.number().int(), succeeded: z.number().int(), throttled: z.number().int(), errorReplies: z.number().int() })),
});

export const MicroTaskSchema = z.object({
  name: z.string(),
  opsPerSec: z.number(),
  rmePercent: z.number().describe("relative margin of error (95 %) of the mean ops/s (tinybench throughput rme)"),
  meanNs: z.number(),
  p50Ns: z.number(),
  p99Ns: z.number(),
  samples: z.number().int(),
  batch: z.number().int().describe('operations per timed call (fast operations are timed in batches)'),
}).meta({ id: 'MicroTask' });

export const PhaseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), name: z.string(), description: z.string().optional(), result: RunResultSchema }),
  z.object({ kind: z.literal('saturate'), name: z.string(), description: z.string().optional(), result: SaturateResultSchema }),
  z.object({ kind: z.literal('micro'), name: z.string(), description: z.string().optional(), tasks: z.array(MicroTaskSchema) }),
]);

export type Phase = z.infer<typeof PhaseSchema>;

const LatencyRowSchema = z.object({
  operation: z.string(),
  offeredRate: z.number(),
  succeededRate: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  p999: z.number(),
  max: z.number(),
  throttled: z.number().int(),
  errors: z.number().int(),
  saturated: z.boolean(),
});

export const AnalysisSchema = z.discriminatedUnion('suite', [
  z.object({
    suite: z.literal('latency'),
    mode: z.enum(['open', 'saturate']),
    rate: z.number().nullable().describe('offered rate per operation (open mode)'),
    operations: z.array(LatencyRowSchema).describe('open mode: latency from the intended send time; saturate mode: closed loop, latency from the actual send'),
  }),
  z.object({
    suite: z.literal('throttle-curve'),
    quota: z.number().describe('the symmetric request quota the steps are multiples of'),
    steps: z.array(
      z.object({
        factor: z.number(),
        offeredRate: z.number(),
        admittedRate: z.number(),
        throttledRate: z.number(),
        throttledFraction: z.number(),
        expectedThrottledFraction: z.number().describe('max(0, 1 − quota / offered): a limiter admitting exactly the quota'),
        errors: z.number().int(),
        p50: z.number(),
        p99: z.number(),
        successP99: z.number(),
      }),
    ),
    knee: z
      .object({ factor: z.number(), offeredRate: z.number() })
      .nullable()
      .describe('the lowest step from which every step throttles more than 1 % (null: none)'),
    plateauRate: z.number().describe('highest admitted rate of any step'),
    server: z
      .object({ allowed: z.number(), throttled: z.number() })
      .nullable()
      .describe("the endpoint's own symmetric counters over the run, warm-up included (GET /_kmsbench/metrics), when it has them"),
  }),
  z.object({
    suite: z.literal('backoff'),
    quota: z.number(),
    offeredRate: z.number(),
    baseline: z.object({ p50: z.number(), p99: z.number() }).describe('successful-call latency at half the quota, no retries'),
    modes: z.array(
      z.object({
        retry: z.string(),
        goodput: z.number().describe('successful calls per second'),
        successFraction: z.number(),
        retriesPerSuccess: z.number(),
        attemptsRate: z.number().describe('attempts per second reaching the endpoint'),
        failedThrottled: z.number().int().describe('calls that still failed with ThrottlingException'),
        otherErrors: z.number().int(),
        unfinished: z.number().int(),
        p50: z.number(),
        p99: z.number(),
        inflationP50: z.number().describe('successful-call p50 / baseline p50'),
        inflationP99: z.number(),
        scenario: z
          .enum(['throttling', 'throttling + injected errors'])
          .optional()
          .describe('what the endpoint did besides throttling: nothing, or fail calls on purpose (injectedErrors)'),
      }),
    ),
    injectedErrors: z
      .array(z.string())
      .optional()
      .describe("the --inject items of the second scenario (a kmsbench server's KmsBench.SetInjection); absent when the endpoint cannot inject"),
  }),
  z.object({
    suite: z.literal('envelope-caching'),
    messageRate: z.number(),
    messageBytes: z.number().int(),
    contexts: z.number().int(),
    configs: z.array(
      z.object({
        name: z.string(),
        cache: DataKeyCacheSchema.nullable(),
        messages: z.number().int(),
        encrypted: z.number().int(),
        kmsCalls: z.number().int(),
        callsPer1000Messages: z.number(),
        callsSavedFraction: z.number().describe('1 − KMS calls / messages'),
        hitRatio: z.number(),
        throttled: z.number().int(),
        errors: z.number().int(),
        p50: z.number(),
        p99: z.number(),
        roundTripVerified: z.boolean().nullable().describe('a sample message decrypted back through KMS (null: nothing to check)'),
      }),
    ),
  }),
  z.object({
    suite: z.literal('mixed'),
    workload: z.string(),
    mode: z.enum(['open', 'saturate']),
    rate: z.number().nullable(),
    operations: z.array(
      LatencyRowSchema.extend({
        weight: z.number(),
        expectedShare: z.number(),
        actualShare: z.number(),
      }),
    ),
  }),
  z.object({ suite: z.literal('micro'), tasks: z.array(MicroTaskSchema) }),
]);

export type Analysis = z.infer<typeof AnalysisSchema>;

export const LoadResultsSchema = z.object({
  kind: z.literal('kmsbench-load'),
  schemaVersion: z.literal(LOAD_SCHEMA_VERSION),
  suite: z.string(),
  description: z.string(),
  startedAt: z.string().describe('ISO 8601'),
  finishedAt: z.string(),
  command: z.array(z.string()).describe('the command-line arguments'),
  endpoint: z.object({
    kind: z.enum(['embedded', 'url', 'none']),
    url: z.string().nullable(),
    region: z.string(),
    quota: z
      .object({ symmetric: z.number(), source: z.enum(['embedded', 'flag', 'metrics']) })
      .nullable()
      .describe('the symmetric request quota the run assumed, and where it came from'),
    embeddedQuotas: z.array(z.string()).nullable().describe('quota overrides of the embedded server (null: quotas off or not embedded)'),
  }),
  options: z.object({
    mode: z.enum(['open', 'saturate']),
    client: z.enum(['raw', 'sdk']),
    retry: RetrySpecSchema,
    rate: z.number().nullable(),
    durationMs: z.number().describe('length of each measured phase'),
    arrivals: z.enum(['constant', 'poisson']),
    threads: z.union([z.number().int(), z.literal('auto')]),
    connections: z.number().int(),
    idle: z.enum(['auto', 'spin', 'nap']).describe('how the generator waits for arrivals under 3 ms away (harness/load/schedule.ts)'),
    seed: z.number().int(),
  }),
  environment: z.object({
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpus: z.number().int(),
    cpuModel: z.string(),
    loadAverage: z.array(z.number()).describe('1, 5 and 15-minute load averages at the start'),
  }),
  phases: z.array(PhaseSchema),
  analysis: AnalysisSchema,
  warnings: z.array(z.string()).describe('generator saturation, errors, anything that makes figures doubtful'),
}).meta({ title: 'kmsbench load results', description: 'load.json written by `kmsbench load` (harness/results/load-results.ts)' });

export type LoadResults = z.infer<typeof LoadResultsSchema>;
