/**
 * Latency histograms: HDR histograms from `perf_hooks` (native, ~0.1 µs per record), values in
 * integer nanoseconds, 3 significant digits, 1 ns .. 1 h. They can be posted between worker
 * threads (structured clone) and merged with `add`. Summaries (`HistogramSummary`, part of
 * load.json) report milliseconds.
 *
 * @module
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import type { HistogramSummary } from '../results/load-results.js';

export type NsHistogram = RecordableHistogram;

/** One hour in nanoseconds: anything longer is recorded as one hour. */
export const HIGHEST_NS = 3_600_000_000_000;

export const newHistogram = (): NsHistogram => createHistogram({ lowest: 1, highest: HIGHEST_NS, figures: 3 });

/** Records a duration given in milliseconds (performance.now() differences) as nanoseconds. */
export function recordMs(h: NsHistogram, ms: number): void {
  let ns = Math.round(ms * 1e6);
  if (!(ns >= 1)) ns = 1;
  else if (ns > HIGHEST_NS) ns = HIGHEST_NS;
  h.record(ns);
}

const ms = (ns: number) => Number((ns / 1e6).toFixed(6));

/** Percentile ticks for `count` values: 5 per halving of the distance to 100 %, then 100. */
export function spectrumTicks(count: number, perHalf = 5): number[] {
  const ticks: number[] = [];
  for (let half = 0; half < 40; half++) {
    const from = 100 - 100 / 2 ** half;
    const width = 100 / 2 ** (half + 1);
    // A half-distance smaller than one value's share adds nothing: stop.
    if (half > 0 && 100 / 2 ** half < 100 / count) break;
    for (let i = 0; i < perHalf; i++) ticks.push(Number((from + (width * i) / perHalf).toFixed(10)));
  }
  ticks.push(100);
  return ticks;
}

export function summarize(h: NsHistogram): HistogramSummary {
  if (h.count === 0) return { count: 0, min: 0, mean: 0, stddev: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, spectrum: [] };
  return {
    count: h.count,
    min: ms(h.min),
    mean: ms(h.mean),
    stddev: ms(Number.isFinite(h.stddev) ? h.stddev : 0),
    p50: ms(h.percentile(50)),
    p90: ms(h.percentile(90)),
    p99: ms(h.percentile(99)),
    p999: ms(h.percentile(99.9)),
    max: ms(h.max),
    spectrum: spectrumTicks(h.count).map((percentile) => ({ percentile, ms: ms(percentile === 0 ? h.min : h.percentile(percentile)) })),
  };
}

/** A histogram holding the values of all `parts`. */
export function merged(parts: NsHistogram[]): NsHistogram {
  const h = newHistogram();
  for (const p of parts) if (p.count > 0) h.add(p);
  return h;
}
