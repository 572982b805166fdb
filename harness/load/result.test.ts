import { describe, expect, it } from 'vitest';
import { recordMs } from './histogram.js';
import { Recorder } from './recorder.js';
import { runResult, verdict } from './result.js';
import { mergeRuns } from './recorder.js';

/** A finished run of 1,000 requests whose schedule lag is `lagMs(i)`. */
function run(lagMs: (i: number) => number, onTime = 1000) {
  const rec = new Recorder(['Encrypt'], [{ durationMs: 1000, rate: 1000 }]);
  for (let i = 0; i < 1000; i++) {
    const t = i;
    rec.scheduled++;
    rec.offered(0, 0, t);
    rec.handled(0, t, t + lagMs(i));
    rec.sent(0, 0, t, t + lagMs(i), -1);
    rec.completed(0, 0, t, t + lagMs(i), t + lagMs(i) + 0.5, 'ok', undefined, true);
  }
  rec.onTime = onTime;
  return rec.finish({ elapsedMs: 1000, scheduledMs: 1000, startedAt: 0, maxConnections: 512, eventLoopUtilization: 0.5, gc: { count: 0, totalMs: 0, maxMs: 0 } });
}

describe('generator verdict', () => {
  it('is not saturated when it kept its schedule', () => {
    const v = verdict(run(() => 0.05));
    expect(v).toMatchObject({ saturated: false, connectionLimited: false, reasons: [], onTimeRatio: 1 });
  });

  it('is saturated when more than 1 % of the arrivals were handled over 1 ms late', () => {
    expect(verdict(run((i) => (i % 100 === 0 ? 5 : 0.05))).saturated).toBe(false); // exactly 1 %: p99 still on time
    const v = verdict(run((i) => (i % 50 === 0 ? 5 : 0.05)));
    expect(v.saturated).toBe(true);
    expect(v.reasons[0]).toMatch(/schedule lag p99 5\.\d+ ms > 1 ms/);
  });

  it('is saturated on a rate shortfall', () => {
    const v = verdict(run(() => 0.05, 980));
    expect(v.saturated).toBe(true);
    expect(v.reasons[0]).toMatch(/rate shortfall: 98\.0 %/);
  });

  it('turns a record into the load.json shape, merging threads', () => {
    const merged = mergeRuns([run(() => 0.1), run(() => 0.1)]);
    expect(merged.total.counts.offered).toBe(2000);
    const r = runResult(merged, { client: 'raw', arrivals: 'constant', threads: 2 });
    expect(r.rates.offered).toBe(2000);
    expect(r.latency.count).toBe(2000);
    expect(r.latency.p50).toBeCloseTo(0.6, 2);
    expect(r.generator.threads).toBe(2);
    expect(r.byOperation[0]!.operation).toBe('Encrypt');
    expect(r.retriesPerSuccess).toBe(0);
    expect(r.latency.spectrum.at(-1)!.percentile).toBe(100);
  });

  it('records durations in nanoseconds', () => {
    const rec = new Recorder(['x'], [{ durationMs: 1, rate: 1 }]);
    recordMs(rec.sendLag, 0.000_25);
    recordMs(rec.sendLag, -3); // clamped to 1 ns
    expect(rec.sendLag.max).toBe(250);
    expect(rec.sendLag.min).toBe(1);
  });
});

describe('percentile spectrum', () => {
  it('has 5 points per halving of the distance to 100 %, as far as the count allows', async () => {
    const { spectrumTicks } = await import('./histogram.js');
    const t = spectrumTicks(1000);
    expect(t.slice(0, 12)).toEqual([0, 10, 20, 30, 40, 50, 55, 60, 65, 70, 75, 77.5]);
    expect(t.at(-1)).toBe(100);
    expect(t.at(-2)!).toBeGreaterThan(99.8);
    expect(t.at(-2)!).toBeLessThan(99.9);
    expect(spectrumTicks(1_000_000).at(-2)!).toBeGreaterThan(99.9998);
  });
});
