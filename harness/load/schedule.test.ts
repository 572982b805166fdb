import { describe, expect, it } from 'vitest';
import { expectedArrivals, peakRate, Schedule, type Stage } from './schedule.js';

const all = (s: Schedule) => {
  const out: { t: number; stage: number }[] = [];
  for (let a = s.next(); a; a = s.next()) out.push(a);
  return out;
};

describe('Schedule', () => {
  it('places constant arrivals exactly 1/rate apart, from t = 0', () => {
    const a = all(new Schedule([{ durationMs: 1000, rate: 200 }]));
    expect(a).toHaveLength(200);
    a.forEach((x, i) => expect(x.t).toBeCloseTo(i * 5, 9));
  });

  it('carries the count across stages and skips pauses (rate 0)', () => {
    const stages: Stage[] = [
      { durationMs: 500, rate: 100 },
      { durationMs: 300, rate: 0 },
      { durationMs: 500, rate: 200 },
    ];
    const a = all(new Schedule(stages));
    expect(a.filter((x) => x.stage === 0)).toHaveLength(50);
    expect(a.filter((x) => x.stage === 1)).toHaveLength(0);
    const third = a.filter((x) => x.stage === 2);
    expect(third).toHaveLength(100);
    expect(third[0]!.t).toBeCloseTo(800, 9);
    expect(expectedArrivals(stages)).toBe(150);
  });

  it('ramps linearly: the count is the integral of the rate and arrivals get denser', () => {
    const a = all(new Schedule([{ durationMs: 2000, rate: 100, toRate: 300 }]));
    expect(a).toHaveLength(400); // (100 + 300) / 2 × 2 s
    const gaps = a.slice(1).map((x, i) => x.t - a[i]!.t);
    expect(gaps[0]!).toBeGreaterThan(gaps[gaps.length - 1]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeLessThanOrEqual(gaps[i - 1]! + 1e-9);
    // Half the arrivals come after the point where N(t) = 200: t = 2·(√2 − 1)·… solved numerically.
    const half = a[200]!.t;
    expect(100 * (half / 1000) + (200 / 4) * (half / 1000) ** 2).toBeCloseTo(200, 6);
    // Ramping down works too.
    expect(all(new Schedule([{ durationMs: 1000, rate: 300, toRate: 100 }]))).toHaveLength(200);
    expect(peakRate([{ durationMs: 1, rate: 300, toRate: 100 }, { durationMs: 1, rate: 50, toRate: 400 }])).toBe(400);
  });

  it('draws Poisson arrivals deterministically per seed, with the expected count on average', () => {
    const a = all(new Schedule([{ durationMs: 10_000, rate: 1000 }], 'poisson', 42));
    const b = all(new Schedule([{ durationMs: 10_000, rate: 1000 }], 'poisson', 42));
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(9_700); // 10,000 ± 3σ (σ = 100)
    expect(a.length).toBeLessThan(10_300);
    const gaps = a.slice(1).map((x, i) => x.t - a[i]!.t);
    const mean = gaps.reduce((x, y) => x + y, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((x, y) => x + (y - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(1, 1); // exponential: mean = sd = 1/rate
    expect(sd / mean).toBeGreaterThan(0.9);
    expect(sd / mean).toBeLessThan(1.1);
    expect(all(new Schedule([{ durationMs: 10_000, rate: 1000 }], 'poisson', 43))).not.toEqual(a);
  });

  it('splits constant arrivals over threads so that together they interleave exactly', () => {
    const stages: Stage[] = [{ durationMs: 1000, rate: 300 }, { durationMs: 1000, rate: 900 }];
    const whole = all(new Schedule(stages)).map((x) => x.t);
    const parts = [0, 1, 2].flatMap((index) => all(new Schedule(stages, 'constant', 1, { index, of: 3 })).map((x) => x.t));
    parts.sort((x, y) => x - y);
    expect(parts).toHaveLength(whole.length);
    parts.forEach((t, i) => expect(t).toBeCloseTo(whole[i]!, 6));
  });
});
