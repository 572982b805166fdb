import { describe, expect, it } from 'vitest';
import { cdfAt, keyPercentiles, mergeDistributions, valueAt, type SpectrumPoint } from './spectrum.js';

/** A uniform-in-log distribution from `lo` to `hi` ms, given at the HDR spectrum points. */
function logUniform(lo: number, hi: number): SpectrumPoint[] {
  return [0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 100].map((percentile) => ({ percentile, ms: lo * (hi / lo) ** (percentile / 100) }));
}

describe('spectra', () => {
  it('value and CDF are inverse to each other', () => {
    const s = logUniform(1, 100);
    expect(valueAt(s, 50)).toBeCloseTo(10, 6);
    expect(valueAt(s, 0)).toBe(1);
    expect(valueAt(s, 100)).toBeCloseTo(100, 9);
    expect(cdfAt(s, 10)).toBeCloseTo(50, 6);
    expect(cdfAt(s, 0.5)).toBe(0);
    expect(cdfAt(s, 1000)).toBe(100);
    for (const p of [10, 60, 90, 99]) expect(cdfAt(s, valueAt(s, p))).toBeCloseTo(p, 6);
  });

  it('merging one distribution, or two equal ones, changes nothing', () => {
    const s = logUniform(1, 100);
    const one = mergeDistributions([{ count: 100, spectrum: s }], [50, 90, 99]);
    const two = mergeDistributions([{ count: 100, spectrum: s }, { count: 300, spectrum: s }], [50, 90, 99]);
    for (const d of [one, two]) {
      expect(d.spectrum.map((p) => p.ms)).toEqual([valueAt(s, 50), valueAt(s, 90), valueAt(s, 99)].map((v) => expect.closeTo(v, 6)));
    }
    expect(two.count).toBe(400);
  });

  it('merging weights by count: the p99 of a mixture is not the mean of the p99s', () => {
    const fast = logUniform(1, 2); // 1..2 ms
    const slow = logUniform(10, 20); // 10..20 ms
    const m = mergeDistributions([{ count: 900, spectrum: fast }, { count: 100, spectrum: slow }], [50, 90, 95, 99]);
    const [p50, p90, p95, p99] = m.spectrum.map((p) => p.ms);
    expect(p50).toBeCloseTo(valueAt(fast, 50 / 0.9), 4); // the fast part's own 55.6th percentile
    expect(p90).toBeLessThanOrEqual(10.0001); // 90 % of requests are fast
    expect(p95).toBeCloseTo(valueAt(slow, 50), 4); // half of the slow tenth
    expect(p99).toBeCloseTo(valueAt(slow, 90), 4);
    const meanOfP99s = (valueAt(fast, 99) + valueAt(slow, 99)) / 2;
    expect(Math.abs(p99! - meanOfP99s)).toBeGreaterThan(5);
  });

  it('empty parts are ignored; key percentiles', () => {
    expect(mergeDistributions([{ count: 0, spectrum: [] }]).count).toBe(0);
    const k = keyPercentiles({ count: 10, spectrum: logUniform(1, 100) });
    expect(k.p50).toBeCloseTo(10, 6);
    expect(k.max).toBeCloseTo(100, 9);
  });
});
