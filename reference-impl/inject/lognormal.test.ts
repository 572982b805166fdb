import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../common/numeric.js';
import { fitLogNormal, logNormalAt, normals, sampleLogNormal, Z99 } from './lognormal.js';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('log-normal from p50 and p99', () => {
  it('puts the median at p50 and the 99th percentile at p99', () => {
    const d = fitLogNormal(20, 60);
    expect(logNormalAt(d, 0)).toBeCloseTo(20, 9);
    expect(logNormalAt(d, Z99)).toBeCloseTo(60, 9);
    expect(d.sigma).toBeCloseTo(Math.log(3) / Z99, 12);
    expect(fitLogNormal(5, 5).sigma).toBe(0); // a fixed delay
  });

  it('refuses percentiles that describe no distribution', () => {
    expect(() => fitLogNormal(0, 10)).toThrow(RangeError);
    expect(() => fitLogNormal(20, 10)).toThrow(RangeError);
    expect(() => fitLogNormal(20, Infinity)).toThrow(RangeError);
  });

  it('draws samples whose percentiles match the fit (seeded)', () => {
    const d = fitLogNormal(20, 60);
    const normal = normals(mulberry32(7));
    const xs = Array.from({ length: 40_000 }, () => sampleLogNormal(d, normal)).sort((a, b) => a - b);
    expect(quantile(xs, 0.5)).toBeGreaterThan(19.2);
    expect(quantile(xs, 0.5)).toBeLessThan(20.8);
    expect(quantile(xs, 0.99)).toBeGreaterThan(55);
    expect(quantile(xs, 0.99)).toBeLessThan(65);
    expect(xs[0]).toBeGreaterThan(0);
  });

  it('normals have mean 0 and variance 1', () => {
    const normal = normals(mulberry32(3));
    const xs = Array.from({ length: 50_000 }, normal);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
});
