/**
 * Load suite `backoff`: what retrying clients get out of an overloaded endpoint.
 *
 * Encrypt (1 KiB) through `@aws-sdk/client-kms`, open model, offered at `--rate` (default twice
 * the symmetric quota) for `--duration` (default 3 s) once per retry policy:
 *
 * - `off` — one attempt;
 * - `standard:3` — the SDK's standard mode (exponential backoff, retry quota);
 * - `adaptive:3` — standard plus the SDK's client-side rate limiter;
 * - `custom:6:25:1000:full` — exponential backoff with full jitter (25 ms base, 1 s cap, 6
 *   attempts), no retry quota.
 *
 * Then, on a kmsbench reference server (which can inject errors: `KmsBench.SetInjection`), the
 * same overload once more per policy with errors injected next to the throttling — 5 % of the
 * Encrypt calls answered `KMSInternalException` (HTTP 500) and 2 % `DependencyTimeoutException`
 * (503), both retryable — to show what each policy makes of server errors as well as throttling.
 * Endpoints that cannot inject skip this scenario (a warning says so).
 *
 * `--retry P` adds one more policy. For each: goodput (successful calls per second), the
 * fraction of calls that succeeded, retries per success, attempts per second reaching the
 * endpoint, calls still throttled after all attempts, and the latency of successful calls from
 * their intended send time — with its inflation over a baseline phase at half the quota, no
 * retries. Calls still pending 15 s after the schedule count as unfinished.
 *
 * Quota: the embedded server runs with symmetric=100/s and a 100 ms burst allowance (the SDK
 * costs about a millisecond of CPU per call on a small machine: a low quota keeps the client from
 * becoming the bottleneck); `--quota N`
 * changes it. Against a URL pass `--quota N` (or use a kmsbench server, whose metrics tell).
 *
 * @module
 */
import { fmt, table, warmup, type LoadSuite } from '../../harness/load/suite.js';
import type { Analysis, Phase } from '../../harness/results/load-results.js';
import { parseRetry, retryLabel, type RetrySpec } from '../../harness/load/sdk.js';
import type { OperationSpecInput } from '../../harness/load/request-mix.js';

const OPERATION: OperationSpecInput = { operation: 'Encrypt', plaintextBytes: 1024 };
export const BACKOFF_POLICIES: RetrySpec[] = ['off', 'standard:3', 'adaptive:3', 'custom:6:25:1000:full'].map(parseRetry);
/** The second scenario's injected errors (reference-impl/inject/ syntax). */
export const INJECTED_ERRORS = ['error=KMSInternalException:0.05,op=Encrypt', 'error=DependencyTimeoutException:0.02,op=Encrypt'];

type BackoffAnalysis = Extract<Analysis, { suite: 'backoff' }>;
type Mode = BackoffAnalysis['modes'][number];

const suite: LoadSuite = {
  name: 'backoff',
  title: 'the same overload with SDK retry modes: goodput, retries per success, latency inflation',
  description:
    'Encrypt 1 KiB through @aws-sdk/client-kms at twice the symmetric quota, once per retry policy (off, standard, adaptive, custom exponential backoff with full jitter); ' +
    'goodput, success fraction, retries per success, attempts reaching the endpoint, and successful-call latency inflation over a half-quota baseline; ' +
    'on a kmsbench server the same again with 5 % KMSInternalException and 2 % DependencyTimeoutException injected next to the throttling.',
  defaults: { durationMs: 3000 },
  embeddedQuota: { symmetric: 100, burstSeconds: 0.1 },
  needsQuota: true,
  modes: ['open'],
  async run(ctx) {
    const { options } = ctx;
    const fixture = await ctx.prepare([OPERATION]);
    const quota = await ctx.quota();
    const rate = options.rate ?? quota * 2;
    const d = options.durationMs;
    const phases: Phase[] = [];
    const policies = [...BACKOFF_POLICIES];
    if (options.retry.mode !== 'off' && !policies.some((p) => retryLabel(p) === retryLabel(options.retry))) policies.push(options.retry);

    const base = await ctx.open({
      name: 'baseline (0.5x quota, no retries)',
      specs: [OPERATION],
      fixture,
      client: 'sdk',
      retry: { mode: 'off' },
      stages: [warmup(quota / 2, 500), { durationMs: Math.min(d, 2000), rate: quota / 2, label: 'baseline' }],
    });
    phases.push(base.phase);
    const baseline = { p50: base.result.successLatency.p50, p99: base.result.successLatency.p99 };

    const modes: BackoffAnalysis['modes'] = [];
    const runPolicies = async (scenario: Mode['scenario']) => {
      for (const retry of policies) {
        await ctx.sleep(500); // let the bucket refill: every policy starts from the same state
        const label = retryLabel(retry);
        const { phase, result: r } = await ctx.open({
          name: `retry ${label}${scenario === 'throttling' ? '' : ' + injected errors'}`,
          specs: [OPERATION],
          fixture,
          client: 'sdk',
          retry,
          stages: [warmup(quota / 2, 300), { durationMs: d, rate, label: 'overload' }],
          drainMs: 15_000,
        });
        phases.push(phase);
        const c = r.counts;
        const seconds = r.measuredMs / 1000;
        const ok = r.successLatency;
        modes.push({
          retry: label,
          goodput: c.succeeded / seconds,
          successFraction: c.offered > 0 ? c.succeeded / c.offered : 0,
          retriesPerSuccess: r.retriesPerSuccess,
          attemptsRate: r.attempts / seconds,
          failedThrottled: c.throttled,
          otherErrors: c.errors,
          unfinished: c.unfinished,
          p50: ok.p50,
          p99: ok.p99,
          inflationP50: baseline.p50 > 0 ? ok.p50 / baseline.p50 : 0,
          inflationP99: baseline.p99 > 0 ? ok.p99 / baseline.p99 : 0,
          scenario,
        });
      }
    };
    await runPolicies('throttling');
    const warnings: string[] = [];
    let injected = false;
    if (await ctx.setInjection(INJECTED_ERRORS)) {
      injected = true;
      try {
        await runPolicies('throttling + injected errors');
      } finally {
        await ctx.setInjection([]);
      }
    } else {
      warnings.push('the endpoint cannot inject errors (KmsBench.SetInjection is a kmsbench server call): the scenario with injected errors was skipped');
    }
    const analysis: BackoffAnalysis = { suite: 'backoff', quota, offeredRate: rate, baseline, modes, ...(injected ? { injectedErrors: INJECTED_ERRORS } : {}) };
    return { phases, analysis, warnings };
  },
  report(a) {
    if (a.suite !== 'backoff') return [];
    return [
      `backoff under overload: ${fmt(a.offeredRate, 0)} calls/s offered against a ${a.quota}/s symmetric quota (Encrypt 1 KiB via @aws-sdk/client-kms);`,
      `baseline at half the quota: successful-call p50 ${fmt(a.baseline.p50, 3)} ms, p99 ${fmt(a.baseline.p99, 3)} ms`,
      ...(a.injectedErrors ? [`second scenario: the same overload with ${a.injectedErrors.join(' and ')} injected`] : []),
      ...table(
        ['retry', 'goodput/s', 'succeeded', 'retries/success', 'attempts/s', 'still throttled', 'errors', 'unfinished', 'ok p50 ms', 'ok p99 ms', 'p50 x', 'p99 x'],
        a.modes.map((m) => [
          `${m.retry}${m.scenario === 'throttling + injected errors' ? ' + errors' : ''}`,
          fmt(m.goodput, 0),
          `${fmt(m.successFraction * 100, 1)} %`,
          fmt(m.retriesPerSuccess, 2),
          fmt(m.attemptsRate, 0),
          m.failedThrottled,
          m.otherErrors,
          m.unfinished,
          fmt(m.p50, 2),
          fmt(m.p99, 2),
          fmt(m.inflationP50, 1),
          fmt(m.inflationP99, 1),
        ]),
      ),
    ];
  },
};

export default suite;
