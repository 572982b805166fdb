import { describe, expect, it } from 'vitest';
import { incompleteBeta, normalCdf, normalQuantile, studentTCdf, studentTQuantile, uCdfExact, uCounts } from './stats.js';

describe('distributions', () => {
  it('normal CDF and quantile', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    for (const p of [1e-6, 0.01, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });

  it("Student's t against tabulated quantiles", () => {
    // t tables: two-sided 95 % (0.975 quantile) for 1, 4, 10, 30 degrees of freedom; 0.95 for 4.
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.132, 3);
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 10);
    expect(studentTCdf(-2.776, 4)).toBeCloseTo(0.025, 4);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 10);
  });

  it('exact U distribution: counts sum to C(m+n, m), symmetric, known tail', () => {
    const c = uCounts(3, 3);
    expect([...c]).toEqual([1, 1, 2, 3, 3, 3, 3, 2, 1, 1]);
    const big = uCounts(10, 7);
    expect(big.reduce((s, x) => s + x, 0)).toBe(19448); // C(17, 7)
    for (let u = 0; u < big.length; u++) expect(big[u]).toBe(big[big.length - 1 - u]);
    expect(uCdfExact(0, 3, 3)).toBeCloseTo(1 / 20, 12);
    // Table value: m = n = 8, P(U ≤ 13) = 0.0249 (the two-sided 5 % critical value is 13).
    expect(uCdfExact(13, 8, 8)).toBeCloseTo(0.0249, 3);
    expect(uCdfExact(14, 8, 8)).toBeGreaterThan(0.025);
  });
});
