/**
 * Load suite `latency`: how long each main operation takes at a fixed arrival rate below the
 * endpoint's quota.
 *
 * Each operation — Encrypt of 1 KiB and 4 KiB, Decrypt (of a 1 KiB ciphertext), GenerateDataKey
 * (AES_256), ReEncrypt (to a second key), DescribeKey, GenerateRandom (32 bytes) — runs alone,
 * open model, at `--rate` requests per second (default 200) for `--duration` (default 2 s),
 * after an unmeasured warm-up of a quarter of that (200 ms..2 s). Latency is measured from each
 * request's intended send time, so a server that stalls is charged for the whole stall. The raw
 * client (pre-signed requests, keep-alive) is the default; `--client sdk` measures through
 * `@aws-sdk/client-kms` instead. `--mode saturate` runs each operation through the closed-loop
 * client (harness/load/closed-loop.ts) for its throughput instead.
 *
 * Embedded endpoint: quotas off. Against a URL, keep `--rate` below half of the endpoint's
 * quota (the suite warns when `--quota` says otherwise).
 *
 * @module
 */
import { fmt, LATENCY_HEADINGS, latencyCells, openRowFigures, table, warmup, warmupMs, type LoadSuite } from '../../harness/load/suite.js';
import type { Analysis, Phase } from '../../harness/results/load-results.js';
import { operationLabel, type OperationSpecInput } from '../../harness/load/request-mix.js';

export const LATENCY_OPERATIONS: OperationSpecInput[] = [
  { operation: 'Encrypt', plaintextBytes: 1024 },
  { operation: 'Encrypt', plaintextBytes: 4096 },
  { operation: 'Decrypt', plaintextBytes: 1024 },
  { operation: 'GenerateDataKey', keySpec: 'AES_256' },
  { operation: 'ReEncrypt', plaintextBytes: 1024 },
  { operation: 'DescribeKey' },
  { operation: 'GenerateRandom', numberOfBytes: 32 },
];

type LatencyAnalysis = Extract<Analysis, { suite: 'latency' }>;

const suite: LoadSuite = {
  name: 'latency',
  title: 'latency of each main operation at a fixed rate below quota',
  description:
    'Each main operation (Encrypt 1 KiB and 4 KiB, Decrypt, GenerateDataKey, ReEncrypt, DescribeKey, GenerateRandom) alone, open model, ' +
    'at a fixed rate below quota after a warm-up; latency from the intended send time (coordinated-omission free). --mode saturate: closed-loop throughput per operation.',
  defaults: { durationMs: 2000, rate: 200 },
  needsQuota: false,
  modes: ['open', 'saturate'],
  async run(ctx) {
    const { options } = ctx;
    const rate = options.rate ?? this.defaults.rate!;
    const warnings: string[] = [];
    const quota = ctx.target.quota?.symmetric;
    if (options.mode === 'open' && quota !== undefined && rate > quota / 2) {
      warnings.push(`--rate ${rate}/s is above half the symmetric quota (${quota}/s): throttling may distort the latencies`);
    }
    const fixture = await ctx.prepare(LATENCY_OPERATIONS);
    const phases: Phase[] = [];
    const rows: LatencyAnalysis['operations'] = [];
    for (const spec of LATENCY_OPERATIONS) {
      const name = operationLabel(spec);
      if (options.mode === 'saturate') {
        const { phase, result: r } = await ctx.saturate({ name, specs: [spec], fixture, durationMs: options.durationMs });
        phases.push(phase);
        rows.push({
          operation: name,
          offeredRate: r.rps.mean,
          succeededRate: (r.succeeded * 1000) / r.durationMs,
          ...r.latencyMs,
          throttled: r.throttled,
          errors: r.errorReplies + r.transportErrors,
          saturated: false,
        });
        continue;
      }
      const { phase, result: r } = await ctx.open({
        name,
        specs: [spec],
        fixture,
        stages: [warmup(rate, warmupMs(options.durationMs)), { durationMs: options.durationMs, rate, label: 'measured' }],
      });
      phases.push(phase);
      rows.push({ operation: name, ...openRowFigures(r, r.generator.saturated) });
    }
    const analysis: LatencyAnalysis = { suite: 'latency', mode: options.mode, rate: options.mode === 'open' ? rate : null, operations: rows };
    return { phases, analysis, warnings };
  },
  report(a) {
    if (a.suite !== 'latency') return [];
    const head = a.mode === 'open' ? `latency at ${a.rate}/s per operation, from the intended send time (ms):` : 'closed-loop saturation, latency from the actual send (ms):';
    return [
      head,
      ...table(
        ['operation', a.mode === 'open' ? 'offered/s' : 'req/s', 'ok/s', ...LATENCY_HEADINGS, 'throttled', 'errors', 'generator'],
        a.operations.map((r) => [
          r.operation,
          fmt(r.offeredRate, 1),
          fmt(r.succeededRate, 1),
          ...latencyCells(r),
          r.throttled,
          r.errors,
          r.saturated ? 'SATURATED' : 'ok',
        ]),
      ),
    ];
  },
};

export default suite;
