/**
 * Every load suite end to end against the embedded reference server, with short durations. The
 * assertions follow from the schedules and the token bucket, not from this machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { microBenches } from '../../cli/micro-benches.js';
import { runLoad } from '../../harness/load/run.js';
import { LoadResultsSchema, type Analysis, type LoadResults } from '../../harness/results/load-results.js';
import { embeddedQuotas } from '../../harness/load/suite.js';
import { withTarget } from '../../harness/target/index.js';
import { LOAD_SUITES } from './index.js';
import { THROTTLE_FACTORS } from './throttle-curve.js';

// The generator runs in the test's own thread (threads: 0) unless a test asks for workers: no
// worker start-up per phase. harness/load/open-loop.test.ts covers the worker threads.
// Each run gets its own embedded server, with the suite's quotas (as `kmsbench load` starts it).
const run = async (name: string, extra: Partial<Parameters<typeof runLoad>[0]> = {}): Promise<LoadResults> => {
  const suite = LOAD_SUITES[name]!;
  const r = await withTarget({ kind: 'embedded' }, { region: 'us-east-1', embedded: { quotas: embeddedQuotas(suite, extra.quota), audit: true } }, (target) =>
    runLoad({ suite, target, threads: 0, microBenches, ...extra }),
  );
  expect(LoadResultsSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
  expect(r.suite).toBe(name);
  return r;
};

const analysis = <S extends Analysis['suite']>(r: LoadResults, suite: S) => {
  expect(r.analysis.suite).toBe(suite);
  return r.analysis as Extract<Analysis, { suite: S }>;
};

describe('load suites against the embedded server', () => {
  it('latency: every main operation at the fixed rate', { timeout: 60_000 }, async () => {
    const r = await run('latency', { rate: 100, durationMs: 300 });
    const a = analysis(r, 'latency');
    expect(a.operations.map((o) => o.operation)).toEqual([
      'Encrypt 1 KiB',
      'Encrypt 4 KiB',
      'Decrypt 1 KiB',
      'GenerateDataKey AES_256',
      'ReEncrypt 1 KiB',
      'DescribeKey',
      'GenerateRandom 32 B',
    ]);
    for (const o of a.operations) {
      expect(o.offeredRate).toBe(100);
      expect(o.errors).toBe(0);
      expect(o.throttled).toBe(0);
      expect(o.p50).toBeGreaterThan(0);
      expect(o.p99).toBeGreaterThanOrEqual(o.p50);
    }
    expect(r.endpoint).toMatchObject({ kind: 'embedded', embeddedQuotas: null, quota: null });
    for (const p of r.phases) {
      expect(p.kind).toBe('open');
      if (p.kind === 'open') {
        expect(p.result.counts.succeeded).toBe(30);
        expect(p.result.unmeasured.offered).toBeGreaterThan(0); // the warm-up
        expect(p.result.signingUs).toBeGreaterThan(0);
      }
    }
  });

  it('throttle-curve: steps through 0.5x..3x; the endpoint never admits more than its bucket allows', { timeout: 60_000 }, async () => {
    const r = await run('throttle-curve', { durationMs: 400, threads: 'auto' });
    const a = analysis(r, 'throttle-curve');
    expect(a.quota).toBe(1000);
    expect(r.endpoint.quota).toEqual({ symmetric: 1000, source: 'embedded' });
    expect(r.endpoint.embeddedQuotas).toEqual(['symmetric=1000', 'burst-seconds=0.1']);
    expect(a.steps.map((s) => s.factor)).toEqual(THROTTLE_FACTORS);
    expect(a.steps.map((s) => s.offeredRate)).toEqual(THROTTLE_FACTORS.map((f) => f * 1000));
    expect(a.steps.at(-1)!.expectedThrottledFraction).toBeCloseTo(2 / 3, 9);
    const phase = r.phases[0]!;
    if (phase.kind !== 'open') throw new Error('open phase expected');
    const res = phase.result;
    // Token bucket: admitted ≤ rate × elapsed + burst (+ the fixture's Encrypt), over the whole run.
    const admitted = res.counts.succeeded + res.unmeasured.succeeded;
    expect(admitted).toBeLessThanOrEqual(1000 * (res.elapsedMs / 1000) + 100 + 1);
    // The server counted the same requests we did.
    expect(a.server).not.toBeNull();
    expect(a.server!.allowed).toBe(admitted);
    expect(a.server!.throttled).toBe(res.counts.throttled + res.unmeasured.throttled);
    // Offered 12.5 quota-seconds in 3.6 s of schedule: some must have been throttled.
    expect(a.server!.throttled).toBeGreaterThanOrEqual(res.counts.offered + res.unmeasured.offered - admitted - res.counts.errors - res.counts.unfinished);
    expect(a.server!.throttled).toBeGreaterThan(0);
  });

  it('backoff: each retry policy under the same overload', { timeout: 90_000 }, async () => {
    const r = await run('backoff', { durationMs: 300 });
    const a = analysis(r, 'backoff');
    expect(a.quota).toBe(100);
    expect(a.offeredRate).toBe(200);
    const policies = ['off', 'standard:3', 'adaptive:3', 'custom:6:25:1000:full'];
    expect(a.modes.map((m) => m.retry)).toEqual([...policies, ...policies]);
    expect(a.modes.map((m) => m.scenario)).toEqual([...policies.map(() => 'throttling'), ...policies.map(() => 'throttling + injected errors')]);
    expect(a.injectedErrors).toEqual(['error=KMSInternalException:0.05,op=Encrypt', 'error=DependencyTimeoutException:0.02,op=Encrypt']);
    const off = a.modes[0]!;
    expect(off.retriesPerSuccess).toBe(0);
    expect(off.attemptsRate).toBe(200);
    for (const p of r.phases.slice(1)) {
      if (p.kind !== 'open') throw new Error('open phase expected');
      expect(p.result.client).toBe('sdk');
      expect(p.result.counts.offered).toBe(60);
      expect(p.result.attempts).toBeGreaterThanOrEqual(p.result.counts.completed);
    }
    // Injected errors only in the second scenario, and only the injected codes.
    const codes = (from: number, to: number) =>
      r.phases.slice(from, to).flatMap((p) => (p.kind === 'open' ? Object.keys(p.result.errorCodes) : [])).filter((c) => c !== 'ThrottlingException');
    expect(codes(1, 5)).toEqual([]);
    expect(new Set(codes(5, 9)).size).toBeGreaterThan(0);
    for (const c of codes(5, 9)) expect(['KMSInternalException', 'DependencyTimeoutException']).toContain(c);
    expect(r.phases.map((p) => p.name).slice(5)).toEqual(policies.map((p) => `retry ${p} + injected errors`));
  });

  it('envelope-caching: a cache saves KMS calls', { timeout: 60_000 }, async () => {
    const r = await run('envelope-caching', { durationMs: 500, rate: 100 });
    const a = analysis(r, 'envelope-caching');
    const by = Object.fromEntries(a.configs.map((c) => [c.name, c]));
    expect(Object.keys(by)).toEqual(['no-cache', 'max-messages-100', 'max-age-250ms', 'max-bytes-64KiB']);
    expect(by['no-cache']!.messages).toBe(50);
    expect(by['no-cache']!.kmsCalls).toBe(50);
    expect(by['no-cache']!.callsSavedFraction).toBe(0);
    expect(by['max-messages-100']!.kmsCalls).toBeLessThan(50);
    expect(by['max-bytes-64KiB']!.kmsCalls).toBeLessThan(50);
    for (const c of a.configs) {
      expect(c.encrypted).toBe(50);
      expect(c.roundTripVerified).toBe(true);
    }
  });

  it('mixed: the default mix, per operation', { timeout: 60_000 }, async () => {
    const r = await run('mixed', { durationMs: 1000, rate: 200 });
    const a = analysis(r, 'mixed');
    expect(a.workload).toBe('default-mix');
    expect(a.operations).toHaveLength(6);
    expect(a.operations.reduce((n, o) => n + o.actualShare, 0)).toBeCloseTo(1, 9);
    expect(a.operations.reduce((n, o) => n + o.expectedShare, 0)).toBeCloseTo(1, 9);
    for (const o of a.operations) expect(o.errors).toBe(0);
    const phase = r.phases[0]!;
    if (phase.kind !== 'open') throw new Error('open phase expected');
    expect(phase.result.arrivals).toBe('poisson');
    expect(phase.result.perSecond[0]!.byOperation).toBeDefined();
  });

  it('latency --mode saturate and micro', { timeout: 60_000 }, async () => {
    const r = await run('latency', { mode: 'saturate', durationMs: 300, connections: 4 });
    const a = analysis(r, 'latency');
    expect(a.mode).toBe('saturate');
    for (const o of a.operations) expect(o.succeededRate).toBeGreaterThan(0);
    expect(r.phases.every((p) => p.kind === 'saturate')).toBe(true);
    const m = analysis(await run('micro', { durationMs: 30 }), 'micro');
    expect(m.tasks.map((t) => t.name).join(' | ')).toMatch(/SigV4 sign.*SigV4 verify.*seal.*open.*blob encode.*blob decode.*limiter admit/);
    for (const t of m.tasks) expect(t.opsPerSec).toBeGreaterThan(0);
  });

  it('refuses modes a suite does not have', async () => {
    await expect(runLoad({ suite: LOAD_SUITES['throttle-curve']!, mode: 'saturate' })).rejects.toThrow(/open mode/);
  });
});
