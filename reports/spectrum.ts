/**
 * Latency distributions as load.json records them: a count and a percentile spectrum (HDR
 * percentile distribution: value at or below which p % of the requests lie). Pure.
 *
 * Several runs are combined by **merging the distributions** — the count-weighted mixture of
 * their cumulative distributions, inverted — never by averaging their percentiles (the mean of
 * two p99s is not the p99 of anything). Between spectrum points a distribution is interpolated
 * linearly in log(latency), so a merge is exact at the spectrum's own resolution.
 *
 * @module
 */

export interface SpectrumPoint {
  percentile: number;
  ms: number;
}

export interface Distribution {
  count: number;
  spectrum: readonly SpectrumPoint[];
}

const clean = (s: readonly SpectrumPoint[]): SpectrumPoint[] =>
  [...s].filter((p) => Number.isFinite(p.ms) && p.ms >= 0 && p.percentile >= 0 && p.percentile <= 100).sort((a, b) => a.percentile - b.percentile || a.ms - b.ms);

const lg = (x: number) => Math.log(Math.max(x, 1e-9));

/** The percentage of values at or below `x`. */
export function cdfAt(spectrum: readonly SpectrumPoint[], x: number): number {
  const s = clean(spectrum);
  if (s.length === 0) return NaN;
  if (x < s[0]!.ms) return 0;
  let best = 0;
  for (let i = 0; i < s.length; i++) {
    const a = s[i]!;
    if (a.ms <= x) best = Math.max(best, a.percentile);
    const b = s[i + 1];
    if (b && a.ms < x && x < b.ms) {
      const f = (lg(x) - lg(a.ms)) / (lg(b.ms) - lg(a.ms));
      best = Math.max(best, a.percentile + f * (b.percentile - a.percentile));
    }
  }
  return x >= s[s.length - 1]!.ms ? 100 : best;
}

/** The value at percentile `p` (0..100). */
export function valueAt(spectrum: readonly SpectrumPoint[], p: number): number {
  const s = clean(spectrum);
  if (s.length === 0) return NaN;
  if (p <= s[0]!.percentile) return s[0]!.ms;
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1]!;
    const b = s[i]!;
    if (p <= b.percentile) {
      if (b.percentile === a.percentile) return b.ms;
      const f = (p - a.percentile) / (b.percentile - a.percentile);
      return Math.exp(lg(a.ms) + f * (lg(b.ms) - lg(a.ms)));
    }
  }
  return s[s.length - 1]!.ms;
}

/** The percentiles reports show. */
export const REPORT_PERCENTILES = [0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100] as const;

/**
 * One distribution holding all of `parts` (weighted by their counts), given at `percentiles`
 * (default: the union of the parts' own spectrum points).
 */
export function mergeDistributions(parts: readonly Distribution[], percentiles?: readonly number[]): Distribution {
  const live = parts.filter((p) => p.count > 0 && p.spectrum.length > 0);
  const count = live.reduce((n, p) => n + p.count, 0);
  if (live.length === 0) return { count: 0, spectrum: [] };
  if (live.length === 1 && !percentiles) return { count, spectrum: clean(live[0]!.spectrum) };
  const ps = [...new Set(percentiles ?? live.flatMap((p) => p.spectrum.map((x) => x.percentile)))].sort((a, b) => a - b);
  const lo = Math.min(...live.map((p) => clean(p.spectrum)[0]!.ms));
  const hi = Math.max(...live.map((p) => clean(p.spectrum).at(-1)!.ms));
  const mixture = (x: number) => live.reduce((acc, p) => acc + p.count * cdfAt(p.spectrum, x), 0) / count;
  const at = (p: number): number => {
    if (p <= 0) return lo;
    if (p >= 100) return hi;
    // The smallest x with mixture(x) ≥ p, by bisection in log space.
    let a = lg(lo);
    let b = lg(hi);
    if (mixture(lo) >= p) return lo;
    for (let i = 0; i < 80; i++) {
      const mid = (a + b) / 2;
      if (mixture(Math.exp(mid)) >= p) b = mid;
      else a = mid;
    }
    return Math.exp(b);
  };
  return { count, spectrum: ps.map((percentile) => ({ percentile, ms: at(percentile) })) };
}

/** p50, p90, p99, p99.9 and max of a distribution. */
export function keyPercentiles(d: Distribution): { count: number; p50: number; p90: number; p99: number; p999: number; max: number } {
  return {
    count: d.count,
    p50: valueAt(d.spectrum, 50),
    p90: valueAt(d.spectrum, 90),
    p99: valueAt(d.spectrum, 99),
    p999: valueAt(d.spectrum, 99.9),
    max: valueAt(d.spectrum, 100),
  };
}
