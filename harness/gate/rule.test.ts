/**
 * The gate rule on synthetic samples with realistic noise (deterministic seeds): a 20 %
 * regression fails, noise alone passes — per-second samples, per-run samples, throughput.
 */
import { describe, expect, it } from 'vitest';
import type { Better } from '../results/gate-results.js';
import { rng } from '../../test/reports/fixtures.js';
import { compareSamples, decide, holm, median, type GateItem } from './rule.js';

type Noise = (r: ReturnType<typeof rng>) => number;

/**
 * Per-second p99 of a service on a shared machine: log-normal around the median (σ = 0.2 in log
 * space: neighbouring seconds commonly 20 % apart) and, one second in twenty, a neighbour's
 * burst that doubles to quadruples it.
 */
const perSecondP99: Noise = (r) => Math.exp(0.2 * r.normal()) * (r.next() < 0.05 ? 2 + 2 * r.next() : 1);
/** One run's p99: run-to-run spread of about 6 %. */
const perRunP99: Noise = (r) => Math.exp(0.06 * r.normal());
/** … and one run in ten hit by a 40 % slowdown (a neighbour's build). */
const perRunP99Spiky: Noise = (r) => Math.exp(0.08 * r.normal()) * (r.next() < 0.1 ? 1.4 : 1);
/** Completed requests per second near capacity: 3 % noise, an occasional 15 % dip (GC, neighbour). */
const perSecondThroughput: Noise = (r) => (1 + 0.03 * r.normal()) * (r.next() < 0.05 ? 0.85 : 1);

function samples(seed: number, n: number, level: number, noise: Noise): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => level * noise(r));
}

/** One gate run over `metrics` independent metrics; the current side is `factor` × the baseline. */
function gate(seed: number, o: { metrics: number; nb: number; nc: number; factor: number; noise: Noise; better: Better; tolerance: number }) {
  const items: GateItem[] = [];
  for (let k = 0; k < o.metrics; k++) {
    const level = 2 + k; // metrics at different scales
    const b = samples(seed * 1000 + k * 2, o.nb, level, o.noise);
    const c = samples(seed * 1000 + k * 2 + 1, o.nc, level * o.factor, o.noise);
    items.push({ comparison: compareSamples(b, c), better: o.better, tolerance: o.tolerance });
  }
  return decide(items);
}

const failed = (decisions: ReturnType<typeof decide>) => decisions.some((d) => d.verdict === 'regression');

describe('per-second latency samples (Mann-Whitney, Hodges-Lehmann)', () => {
  // A one-minute run on each side.
  const o = { metrics: 1, nb: 60, nc: 60, noise: perSecondP99, better: 'lower' as const, tolerance: 0.1 };

  it('a 20 % p99 regression with realistic noise fails (seed 1, and 95+ of 100 seeds)', () => {
    const d = gate(1, { ...o, factor: 1.2 })[0]!;
    expect(d.verdict).toBe('regression');
    let caught = 0;
    for (let seed = 1; seed <= 100; seed++) if (failed(gate(seed, { ...o, factor: 1.2 }))) caught++;
    expect(caught).toBeGreaterThanOrEqual(95);
  });

  it('noise alone passes: seed 1, and at most 2 of 100 gates of 14 metrics fail', () => {
    expect(failed(gate(1, { ...o, metrics: 14, factor: 1 }))).toBe(false);
    let falseAlarms = 0;
    for (let seed = 1; seed <= 100; seed++) if (failed(gate(seed, { ...o, metrics: 14, factor: 1 }))) falseAlarms++;
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });

  it('a 20 % regression in one of 14 noisy metrics fails the gate, and only that metric', () => {
    const items: GateItem[] = [];
    for (let k = 0; k < 14; k++) {
      const b = samples(500 + k, 60, 3, perSecondP99);
      const c = samples(900 + k, 60, k === 5 ? 3.6 : 3, perSecondP99);
      items.push({ comparison: compareSamples(b, c), better: 'lower', tolerance: 0.1 });
    }
    const d = decide(items);
    expect(d.map((x) => x.verdict === 'regression')).toEqual(d.map((_, k) => k === 5));
  });

  it('the band contains the true change and the method is rank-based', () => {
    const c = compareSamples(samples(7, 40, 5, perSecondP99), samples(8, 40, 6, perSecondP99));
    expect(c.method).toBe('mann-whitney');
    expect(c.band![0]).toBeLessThan(0.2);
    expect(c.band![1]).toBeGreaterThan(0.2);
    expect(c.change).toBeGreaterThan(0.05);
  });

  it('a 5 % change, real but within a 10 % tolerance, passes', () => {
    const b = samples(11, 200, 5, (r) => Math.exp(0.02 * r.normal()));
    const c = samples(12, 200, 5.25, (r) => Math.exp(0.02 * r.normal()));
    const [d] = decide([{ comparison: compareSamples(b, c), better: 'lower', tolerance: 0.1 }]);
    expect(d!.verdict).toBe('ok');
    expect(d!.note).toBe('a real change, within the tolerance');
  });
});

describe('per-run samples (one p99 per run)', () => {
  const o = { metrics: 1, noise: perRunP99, better: 'lower' as const, tolerance: 0.1 };

  it('10 baseline runs vs 3 current runs (t on logs): 20 % fails in 90+ of 100 seeds, noise in at most 2 of 100 gates of 14', () => {
    expect(compareSamples([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3]).method).toBe('t-log');
    expect(gate(1, { ...o, nb: 10, nc: 3, factor: 1.2 })[0]!.verdict).toBe('regression');
    let caught = 0;
    let falseAlarms = 0;
    for (let seed = 1; seed <= 100; seed++) {
      if (failed(gate(seed, { ...o, nb: 10, nc: 3, factor: 1.2 }))) caught++;
      if (failed(gate(seed, { ...o, nb: 10, nc: 3, factor: 1, metrics: 14 }))) falseAlarms++;
    }
    expect(caught).toBeGreaterThanOrEqual(90);
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });

  it('10 vs 5 runs with one slow run in ten (Mann-Whitney): a single slow current run does not fail', () => {
    expect(compareSamples([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5]).method).toBe('mann-whitney');
    const b = samples(21, 10, 4, perRunP99Spiky);
    const c = [...samples(22, 4, 4, (r) => Math.exp(0.08 * r.normal())), 4 * 1.4];
    expect(decide([{ comparison: compareSamples(b, c), better: 'lower', tolerance: 0.1 }])[0]!.verdict).toBe('ok');
    expect(gate(1, { ...o, noise: perRunP99Spiky, nb: 10, nc: 5, factor: 1.2 })[0]!.verdict).toBe('regression');
    let falseAlarms = 0;
    for (let seed = 1; seed <= 100; seed++) if (failed(gate(seed, { ...o, noise: perRunP99Spiky, nb: 10, nc: 5, factor: 1, metrics: 14 }))) falseAlarms++;
    expect(falseAlarms).toBeLessThanOrEqual(3);
  });

  it('1 current run against 10 baseline runs (the main job against its history): a 50 % step is caught', () => {
    expect(gate(3, { ...o, nb: 10, nc: 1, factor: 1.5 })[0]!.verdict).toBe('regression');
    expect(failed(gate(1, { ...o, nb: 10, nc: 1, factor: 1 }))).toBe(false);
  });

  it('a baseline that itself varies by 30 % does not fail a 20 % step', () => {
    const wide: Noise = (r) => Math.exp(0.3 * r.normal());
    expect(gate(2, { ...o, noise: wide, nb: 5, nc: 2, factor: 1.2 })[0]!.verdict).not.toBe('regression');
  });

  it('one sample per side is insufficient, never a failure', () => {
    const [d] = decide([{ comparison: compareSamples([1], [5]), better: 'lower', tolerance: 0.1 }]);
    expect(d!.verdict).toBe('insufficient');
    expect(d!.worse).toBeCloseTo(4, 10);
  });
});

describe('throughput (higher is better, --min-throughput-ratio 0.95)', () => {
  const o = { metrics: 1, nb: 30, nc: 30, noise: perSecondThroughput, better: 'higher' as const, tolerance: 0.05 };

  it('20 % less throughput fails; noise alone passes (100 seeds × 7 metrics)', () => {
    const d = gate(1, { ...o, factor: 0.8 })[0]!;
    expect(d.verdict).toBe('regression');
    expect(d.worse).toBeCloseTo(0.2, 1);
    for (let seed = 1; seed <= 100; seed++) {
      expect(failed(gate(seed, { ...o, factor: 0.8 }))).toBe(true);
      expect(failed(gate(seed, { ...o, factor: 1, metrics: 7 }))).toBe(false);
    }
  });

  it('more throughput is an improvement, not a regression', () => {
    expect(gate(4, { ...o, factor: 1.3 })[0]!.verdict).toBe('improvement');
  });

  it('identical per-second counts (an open-model run below capacity) are no change', () => {
    const c = compareSamples(Array(20).fill(200), Array(20).fill(200));
    expect(c.change).toBe(0);
    expect(decide([{ comparison: c, better: 'higher', tolerance: 0.05 }])[0]!.verdict).toBe('ok');
    // … and every second short by a quarter is a regression, even without spread.
    const d = decide([{ comparison: compareSamples(Array(20).fill(200), Array(20).fill(150)), better: 'higher', tolerance: 0.05 }])[0]!;
    expect(d.verdict).toBe('regression');
  });

  it('zero seconds (an outage) count as far worse, not as NaN', () => {
    const c = compareSamples(Array(10).fill(100), [...Array(8).fill(100), 0, 0]);
    expect(Number.isFinite(c.change)).toBe(true);
    expect(c.pLower).toBeLessThan(0.2);
  });
});

describe('helpers', () => {
  it('Holm adjusts step-down and stays monotone', () => {
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holm([0.5])).toEqual([0.5]);
  });

  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('exact small-sample Mann-Whitney: complete separation of 8 vs 8', () => {
    const c = compareSamples([1, 2, 3, 4, 5, 6, 7, 8], [11, 12, 13, 14, 15, 16, 17, 18]);
    expect(c.method).toBe('mann-whitney');
    expect(c.pHigher).toBeCloseTo(1 / 12870, 10); // 1 / C(16, 8)
    expect(c.pLower).toBe(1);
  });
});
