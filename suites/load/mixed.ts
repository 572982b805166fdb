/**
 * Load suite `mixed`: a weighted mix of operations, as a request-mix file describes it.
 *
 * `--workload FILE` (YAML or JSON, schema in harness/load/request-mix.ts; example in
 * suites/workloads/web-tier.mix.yaml) gives the mix, its parameters and optionally the rate,
 * duration, arrivals and ramp stages; without it the suite runs DEFAULT_WORKLOAD below. `--rate`
 * and `--duration` override the file's; so does `--arrivals`.
 * Each arrival picks an operation by weight; results are broken down per operation (latency
 * from the intended send time, throughput, errors) with the share each actually got.
 * `--mode saturate` cycles the mix through the closed-loop client instead.
 *
 * Embedded endpoint: quotas off.
 *
 * @module
 */
import { fmt, LATENCY_HEADINGS, latencyCells, openRowFigures, table, warmup, warmupMs, type LoadSuite } from '../../harness/load/suite.js';
import type { Analysis } from '../../harness/results/load-results.js';
import { operationLabel, parseRequestMix, requestMixStages, type RequestMix } from '../../harness/load/request-mix.js';

export const DEFAULT_WORKLOAD: RequestMix = parseRequestMix(
  {
    name: 'default-mix',
    description: 'a service decrypting stored data keys, minting new ones, and a little of everything else',
    rate: 300,
    arrivals: 'poisson',
    mix: [
      { operation: 'Decrypt', weight: 50, plaintextBytes: 1024 },
      { operation: 'GenerateDataKey', weight: 20, keySpec: 'AES_256' },
      { operation: 'Encrypt', weight: 15, plaintextBytes: 1024 },
      { operation: 'DescribeKey', weight: 8 },
      { operation: 'ReEncrypt', weight: 5, plaintextBytes: 1024 },
      { operation: 'GenerateRandom', weight: 2, numberOfBytes: 32 },
    ],
  },
  'DEFAULT_WORKLOAD',
);

type MixedAnalysis = Extract<Analysis, { suite: 'mixed' }>;

const suite: LoadSuite = {
  name: 'mixed',
  title: 'a weighted mix of operations from a workload file',
  description:
    'A weighted mix of operations from --workload FILE (default: 50 % Decrypt, 20 % GenerateDataKey, 15 % Encrypt, 8 % DescribeKey, 5 % ReEncrypt, 2 % GenerateRandom at 300/s, Poisson), ' +
    'open model; per-operation latency from the intended send time, throughput and actual shares. --mode saturate: the mix through the closed-loop client.',
  defaults: { durationMs: 5000, rate: 300 },
  needsQuota: false,
  modes: ['open', 'saturate'],
  async run(ctx) {
    const { options } = ctx;
    const w = options.workload ?? DEFAULT_WORKLOAD;
    const fixture = await ctx.prepare(w.mix);
    const totalWeight = w.mix.reduce((n, s) => n + s.weight, 0);
    if (options.mode === 'saturate') {
      const { phase, result: r } = await ctx.saturate({ name: w.name, specs: w.mix, fixture, durationMs: options.durationGiven ? options.durationMs : (w.duration ?? options.durationMs) });
      const analysis: MixedAnalysis = {
        suite: 'mixed',
        workload: w.name,
        mode: 'saturate',
        rate: null,
        operations: w.mix.map((s, i) => {
          const o = r.byOperation[i]!;
          return {
            operation: operationLabel(s),
            weight: s.weight,
            expectedShare: s.weight / totalWeight,
            actualShare: r.requests > 0 ? o.requests / r.requests : 0,
            offeredRate: (o.requests * 1000) / r.durationMs,
            succeededRate: (o.succeeded * 1000) / r.durationMs,
            // Closed-loop latency is reported for the whole mix only.
            ...r.latencyMs,
            throttled: o.throttled,
            errors: o.errorReplies,
            saturated: false,
          };
        }),
      };
      return { phases: [phase], analysis };
    }
    const rate = options.rate ?? w.rate ?? this.defaults.rate!;
    const stages = requestMixStages(
      { ...w, ...(options.rate !== null ? { rate: options.rate, stages: undefined } : {}), ...(options.durationGiven ? { duration: options.durationMs, stages: undefined } : {}) },
      { rate, durationMs: options.durationMs },
    );
    const arrivals = options.arrivalsGiven ? options.arrivals : w.arrivals;
    const first = stages[0]!;
    const { phase, result: r } = await ctx.open({
      name: w.name,
      ...(w.description ? { description: w.description } : {}),
      specs: w.mix,
      fixture,
      stages: [warmup(first.rate, warmupMs(first.durationMs)), ...stages],
      arrivals,
    });
    const offered = r.counts.offered;
    const analysis: MixedAnalysis = {
      suite: 'mixed',
      workload: w.name,
      mode: 'open',
      rate: stages.length === 1 && stages[0]!.toRate === undefined ? stages[0]!.rate : null,
      operations: r.byOperation.map((o, i) => {
        const s = w.mix[i]!;
        return {
          operation: o.operation,
          weight: s.weight,
          expectedShare: s.weight / totalWeight,
          actualShare: offered > 0 ? o.counts.offered / offered : 0,
          ...openRowFigures(o, r.generator.saturated),
        };
      }),
    };
    return { phases: [phase], analysis };
  },
  report(a) {
    if (a.suite !== 'mixed') return [];
    return [
      `workload ${a.workload}${a.rate !== null ? ` at ${a.rate}/s` : ''} (${a.mode === 'open' ? 'open model, latency from the intended send time' : 'closed loop; latency of the whole mix'}), ms:`,
      ...table(
        ['operation', 'share', 'expected', 'offered/s', 'ok/s', ...LATENCY_HEADINGS, 'throttled', 'errors'],
        a.operations.map((o) => [
          o.operation,
          `${fmt(o.actualShare * 100, 1)} %`,
          `${fmt(o.expectedShare * 100, 1)} %`,
          fmt(o.offeredRate, 1),
          fmt(o.succeededRate, 1),
          ...latencyCells(o),
          o.throttled,
          o.errors,
        ]),
      ),
    ];
  },
};

export default suite;
