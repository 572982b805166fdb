/**
 * Load suite `throttle-curve`: where the endpoint starts to throttle, and how much.
 *
 * Encrypt (1 KiB) through the raw client, no retries, open model with constant arrivals, in one
 * continuous run whose offered rate steps through 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5 and 3 times
 * the endpoint's symmetric request quota, `--duration` per step (default 1.5 s). Each step's
 * first quarter lets the endpoint settle to the new rate; the rest is measured: offered,
 * admitted and throttled rates, the throttled fraction next to what a limiter admitting
 * exactly the quota would refuse (1 − quota/offered), and latency. The knee is the lowest step
 * from which every step throttles more than 1 %; the plateau is the highest admitted rate. Against a kmsbench
 * server the endpoint's own counters (GET /_kmsbench/metrics) are reported beside ours.
 *
 * Quota: the embedded server runs with symmetric=1000/s and a 100 ms burst allowance (so each
 * step shows the steady state rather than a bucket draining); `--quota N` changes it. Against a URL,
 * pass `--quota N` (or point at a kmsbench server, whose metrics tell). An endpoint that allows
 * bursts (AWS's model: one second of quota) spends that allowance in the first overload step,
 * which then shows less throttling than the steady state unless the step is long enough for the settling
 * quarter to drain it.
 *
 * @module
 */
import { fmt, table, warmup, type LoadSuite } from '../../harness/load/suite.js';
import type { Analysis } from '../../harness/results/load-results.js';
import type { Stage } from '../../harness/load/schedule.js';
import type { OperationSpecInput } from '../../harness/load/request-mix.js';

export const THROTTLE_FACTORS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
const OPERATION: OperationSpecInput = { operation: 'Encrypt', plaintextBytes: 1024 };

type CurveAnalysis = Extract<Analysis, { suite: 'throttle-curve' }>;

const suite: LoadSuite = {
  name: 'throttle-curve',
  title: 'offered rate stepping from 0.5x to 3x the symmetric quota: the knee and the throttled fraction',
  description:
    'Encrypt 1 KiB, raw client, no retries, constant arrivals, one continuous run stepping the offered rate through 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5 and 3 times the symmetric quota; ' +
    'per step the admitted and throttled rates, the throttled fraction against the ideal 1 − quota/offered, and latency; the knee (first step > 1 % throttled) and the plateau.',
  defaults: { durationMs: 1500 },
  embeddedQuota: { symmetric: 1000, burstSeconds: 0.1 },
  needsQuota: true,
  modes: ['open'],
  async run(ctx) {
    const fixture = await ctx.prepare([OPERATION]);
    const quota = await ctx.quota();
    const d = ctx.options.durationMs;
    // Each step: a settling quarter (the endpoint's bucket drains or refills to the new rate),
    // then the measured rest; the analysis reads the measured parts only.
    const settle = Math.round(d / 4);
    const stages: Stage[] = [
      warmup(quota * THROTTLE_FACTORS[0]!, Math.min(500, d)),
      ...THROTTLE_FACTORS.flatMap((f) => [
        { durationMs: settle, rate: quota * f, label: `${f}x settle` },
        { durationMs: d - settle, rate: quota * f, label: `${f}x` },
      ]),
    ];
    const before = await ctx.serverMetrics();
    const { phase, result } = await ctx.open({ name: 'throttle-curve', specs: [OPERATION], fixture, stages, client: 'raw' });
    const after = await ctx.serverMetrics();
    const steps: CurveAnalysis['steps'] = result.byStage
      .filter((s) => s.stage.measure !== false && !s.stage.label?.endsWith('settle'))
      .map((s, i) => {
        const f = THROTTLE_FACTORS[i]!;
        const c = s.counts;
        const answered = c.succeeded + c.throttled;
        return {
          factor: f,
          offeredRate: s.rates.offered,
          admittedRate: s.rates.succeeded,
          throttledRate: s.rates.throttled,
          throttledFraction: answered > 0 ? c.throttled / answered : 0,
          expectedThrottledFraction: Math.max(0, 1 - 1 / f),
          errors: c.errors + c.unfinished,
          p50: s.latency.p50,
          p99: s.latency.p99,
          successP99: s.successLatency.p99,
        };
      });
    // The knee: the lowest step from which every step throttles more than 1 % (a transient at a
    // low step — a stall that bunched arrivals — does not make a knee).
    const kneeIndex = steps.findIndex((_, i) => steps.slice(i).every((s) => s.throttledFraction > 0.01));
    const kneeStep = kneeIndex >= 0 ? steps[kneeIndex] : undefined;
    const analysis: CurveAnalysis = {
      suite: 'throttle-curve',
      quota,
      steps,
      knee: kneeStep ? { factor: kneeStep.factor, offeredRate: kneeStep.offeredRate } : null,
      plateauRate: Math.max(0, ...steps.map((s) => s.admittedRate)),
      server: before && after ? { allowed: after.allowed - before.allowed, throttled: after.throttled - before.throttled } : null,
    };
    return { phases: [phase], analysis };
  },
  report(a) {
    if (a.suite !== 'throttle-curve') return [];
    const lines = [
      `throttle curve, symmetric quota ${a.quota}/s (Encrypt 1 KiB, open model, no retries):`,
      ...table(
        ['step', 'offered/s', 'admitted/s', 'throttled/s', 'throttled', 'ideal', 'p50 ms', 'p99 ms', 'ok p99 ms', 'errors'],
        a.steps.map((s) => [
          `${s.factor}x`,
          fmt(s.offeredRate, 0),
          fmt(s.admittedRate, 0),
          fmt(s.throttledRate, 0),
          `${fmt(s.throttledFraction * 100, 1)} %`,
          `${fmt(s.expectedThrottledFraction * 100, 1)} %`,
          fmt(s.p50, 3),
          fmt(s.p99, 3),
          fmt(s.successP99, 3),
          s.errors,
        ]),
      ),
      `knee: ${a.knee ? `${a.knee.factor}x (${fmt(a.knee.offeredRate, 0)}/s offered)` : 'none (nothing throttled above 1 %)'}; plateau ${fmt(a.plateauRate, 0)}/s admitted (${fmt((a.plateauRate / a.quota) * 100, 1)} % of quota)`,
    ];
    if (a.server) lines.push(`the endpoint itself counted ${a.server.allowed} admitted and ${a.server.throttled} throttled symmetric requests over the run (warm-up included)`);
    return lines;
  },
};

export default suite;
