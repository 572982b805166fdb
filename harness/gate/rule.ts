/**
 * The gate's noise-aware rule (pure). A metric regresses only when the change is both
 *
 * 1. **real** — statistically significant, one-sided, at `alpha` (default 0.01) after Holm's
 *    correction over every metric compared in the same run of the gate (fourteen noisy metrics
 *    must not give fourteen chances to fail), and
 * 2. **large** — its estimate is worse than the tolerance (p99 10 % higher, throughput below
 *    0.95 × the baseline).
 *
 * Either alone is not enough: a 30 % jump of one noisy sample is not evidence, and a real 2 %
 * shift is not a regression anyone asked to gate on.
 *
 * How the change and its evidence are estimated depends on how many samples there are
 * (samples are per-second values, or one value per run; see samples.ts):
 *
 * - **Mann–Whitney**, when the samples allow p ≤ 0.001 at all (C(m + n, m) ≥ 1000: 7 vs 7,
 *   10 vs 4, 20 vs 3, any per-second series of a run of ten seconds or more). The change is the
 *   Hodges–Lehmann estimate (the median of every current/baseline ratio), its noise band the
 *   distribution-free interval from the U distribution (Moses), the evidence the one-sided U
 *   test (exact without ties, normal approximation with tie correction otherwise). Nothing is
 *   assumed about the shape of the noise: one slow run or one burst second moves little.
 * - **Student's t on log values**, with fewer samples (p99 of 5 baseline runs vs 1–3 current
 *   runs): the pooled spread of the runs sets the band (the t interval of the ratio of geometric
 *   means), so a baseline that varies by 15 % from run to run needs more than a 15 % step to
 *   fail. With one current run this is a prediction-interval test, and it cannot tell one slow
 *   run from a regression: repeat the current run.
 * - **one sample per side**: no estimate of the noise at all: `insufficient`, never a failure.
 *
 * Everything is computed on log values, so changes are ratios and the band is asymmetric as it
 * should be (+25 % and −20 % are the same distance). The operating characteristics on synthetic
 * noise are pinned in rule.test.ts.
 *
 * @module
 */
import type { Better, Comparison, Decision, Verdict } from '../results/gate-results.js';
import { EXACT_U_MAX, logChoose, normalCdf, normalQuantile, studentTCdf, studentTQuantile, uCounts } from './stats.js';

/**
 * The rank method is used when it can reach p ≤ 0.001 at all, i.e. when the samples have at
 * least 1000 orderings: C(m + n, m) ≥ 1000 (7 vs 7, 10 vs 4, 20 vs 3 …). Below that, Holm's
 * correction over a dozen metrics would leave it unable ever to flag anything.
 */
export const RANK_MIN_ORDERINGS = 1000;

/** The rank method can decide with these sample sizes. */
export const rankDecides = (m: number, n: number): boolean => m >= 2 && n >= 2 && logChoose(m + n, m) >= Math.log(RANK_MIN_ORDERINGS);

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Log values, with zero and negative samples raised to a floor far below the smallest positive one. */
function logs(b: readonly number[], c: readonly number[]): [number[], number[]] {
  const positive = [...b, ...c].filter((x) => x > 0 && Number.isFinite(x));
  const floor = positive.length ? Math.min(...positive) * 1e-3 : 1;
  const f = (x: number) => Math.log(x > 0 && Number.isFinite(x) ? x : floor);
  return [b.map(f), c.map(f)];
}

const ratio = (logDiff: number) => Math.expm1(logDiff);

/**
 * Compares the current samples with the baseline samples. `confidence` is the two-sided level
 * of the noise band (default 0.95).
 */
export function compareSamples(baseline: readonly number[], current: readonly number[], confidence = 0.95): Comparison {
  const m = baseline.length;
  const n = current.length;
  const base = { nBaseline: m, nCurrent: n, baseline: median(baseline), current: median(current) };
  if (m === 0 || n === 0) return { method: 'none', ...base, change: NaN, band: null, pHigher: 1, pLower: 1 };
  const [lb, lc] = logs(baseline, current);
  if (rankDecides(m, n)) return { method: 'mann-whitney', ...base, ...rankTest(lb, lc, confidence) };
  if (m + n >= 3) {
    const gm = (ls: readonly number[]) => Math.exp(ls.reduce((a, x) => a + x, 0) / ls.length);
    return { method: 't-log', ...base, baseline: gm(lb), current: gm(lc), ...tTest(lb, lc, confidence) };
  }
  return { method: 'none', ...base, change: ratio(lc[0]! - lb[0]!), band: null, pHigher: 1, pLower: 1 };
}

type Estimate = Pick<Comparison, 'change' | 'band' | 'pHigher' | 'pLower'>;

/** Mann–Whitney U, the Hodges–Lehmann shift and Moses' interval, on log values. */
export function rankTest(lb: readonly number[], lc: readonly number[], confidence: number): Estimate {
  const m = lb.length;
  const n = lc.length;
  const mn = m * n;
  // Every pairwise difference current − baseline; U counts the positive ones (ties count half).
  const diffs = new Float64Array(mn);
  let u = 0;
  let k = 0;
  for (const b of lb) {
    for (const c of lc) {
      const d = c - b;
      diffs[k++] = d;
      if (d > 0) u += 1;
      else if (d === 0) u += 0.5;
    }
  }
  diffs.sort();
  const hl = mn % 2 ? diffs[(mn - 1) / 2]! : (diffs[mn / 2 - 1]! + diffs[mn / 2]!) / 2;

  // Ties decide between the exact distribution and the corrected normal approximation.
  const all = [...lb, ...lc].sort((a, b) => a - b);
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j] === all[i]) j++;
    const t = j - i;
    tieTerm += t * t * t - t;
    i = j;
  }
  const N = m + n;
  const gamma = 1 - confidence;
  let pHigher: number;
  let pLower: number;
  let kCrit: number; // the interval is [diffs(k), diffs(mn + 1 − k)], 1-based
  if (tieTerm === 0 && m <= EXACT_U_MAX && n <= EXACT_U_MAX) {
    const counts = uCounts(m, n);
    const total = Math.exp(logChoose(N, m));
    const cum: number[] = [];
    let acc = 0;
    for (let x = 0; x < counts.length; x++) cum.push((acc += counts[x]!));
    const cdf = (x: number) => (x < 0 ? 0 : x >= counts.length ? 1 : cum[x]! / total);
    pHigher = 1 - cdf(u - 1);
    pLower = cdf(u);
    kCrit = 0;
    while (cdf(kCrit) <= gamma / 2) kCrit++; // largest k with P(U ≤ k − 1) ≤ γ/2
  } else {
    const sigma = Math.sqrt((mn / 12) * (N + 1 - tieTerm / (N * (N - 1))));
    if (sigma === 0) {
      pHigher = 1;
      pLower = 1;
    } else {
      pHigher = 1 - normalCdf((u - mn / 2 - 0.5) / sigma);
      pLower = normalCdf((u - mn / 2 + 0.5) / sigma);
    }
    kCrit = Math.floor(mn / 2 - normalQuantile(1 - gamma / 2) * sigma);
  }
  const band: [number, number] | null = kCrit >= 1 ? [ratio(diffs[kCrit - 1]!), ratio(diffs[mn - kCrit]!)] : null;
  return { change: ratio(hl), band, pHigher: clamp01(pHigher), pLower: clamp01(pLower) };
}

/** Student's t on log values with the pooled spread of both sides. */
export function tTest(lb: readonly number[], lc: readonly number[], confidence: number): Estimate {
  const m = lb.length;
  const n = lc.length;
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const mb = mean(lb);
  const mc = mean(lc);
  const ss = (xs: readonly number[], mu: number) => xs.reduce((s, x) => s + (x - mu) ** 2, 0);
  const df = m + n - 2;
  const se = Math.sqrt((ss(lb, mb) + ss(lc, mc)) / df) * Math.sqrt(1 / m + 1 / n);
  const delta = mc - mb;
  if (!(se > 0)) {
    // No spread at all: every run gave the same value on each side. A difference is then exact.
    return { change: ratio(delta), band: [ratio(delta), ratio(delta)], pHigher: delta > 0 ? 0 : 1, pLower: delta < 0 ? 0 : 1 };
  }
  const t = delta / se;
  const q = studentTQuantile(1 - (1 - confidence) / 2, df);
  return {
    change: ratio(delta),
    band: [ratio(delta - q * se), ratio(delta + q * se)],
    pHigher: clamp01(1 - studentTCdf(t, df)),
    pLower: clamp01(studentTCdf(t, df)),
  };
}

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));

/** Holm's step-down adjustment of p-values (family-wise error rate). */
export function holm(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    out[i] = running;
  });
  return out;
}

/** Family-wise significance level of the gate. */
export const DEFAULT_ALPHA = 0.01;

export interface GateItem {
  comparison: Comparison;
  better: Better;
  /**
   * Worse by more than this fraction is a regression, if it is also significant: 0.10 for "p99 at
   * most 10 % higher", 0.05 for "throughput at least 0.95 × the baseline".
   */
  tolerance: number;
}

/** Verdicts for a set of metrics compared in one go (Holm's correction runs over the set). */
export function decide(items: readonly GateItem[], alpha = DEFAULT_ALPHA): Decision[] {
  const worseP = items.map((it) => (it.better === 'lower' ? it.comparison.pHigher : it.comparison.pLower));
  const betterP = items.map((it) => (it.better === 'lower' ? it.comparison.pLower : it.comparison.pHigher));
  const tested = items.map((it, i) => (it.comparison.method === 'none' ? -1 : i)).filter((i) => i >= 0);
  const adjWorse = holm(tested.map((i) => worseP[i]!));
  const adjBetter = holm(tested.map((i) => betterP[i]!));
  const adjusted = new Map(tested.map((i, k) => [i, { worse: adjWorse[k]!, better: adjBetter[k]! }]));
  return items.map((it, i) => {
    const c = it.comparison;
    // 1.25× the latency is 25 % worse; 0.8× the throughput is 20 % worse.
    const worse = it.better === 'lower' ? c.change : -c.change;
    const a = adjusted.get(i);
    if (!a || !Number.isFinite(c.change)) {
      return {
        verdict: 'insufficient',
        worse,
        pWorse: 1,
        pAdjusted: 1,
        note: c.nBaseline === 0 || c.nCurrent === 0 ? 'no samples on one side' : 'one sample per side: no estimate of the noise, not gated',
      };
    }
    const significantWorse = a.worse < alpha;
    const significantBetter = a.better < alpha;
    const beyond = worse > it.tolerance;
    const beyondBetter = -worse > it.tolerance;
    let verdict: Verdict = 'ok';
    let note: string;
    if (significantWorse && beyond) {
      verdict = 'regression';
      note = 'worse than the tolerance, beyond the noise';
    } else if (significantBetter && beyondBetter) {
      verdict = 'improvement';
      note = 'better, beyond the noise';
    } else if (beyond) note = 'worse than the tolerance, but within the noise';
    else if (significantWorse) note = 'a real change, within the tolerance';
    else note = 'within the noise';
    return { verdict, worse, pWorse: worseP[i]!, pAdjusted: a.worse, note };
  });
}
