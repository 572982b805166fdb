/**
 * A load run's open-model phases laid end to end in time (pure): latency per measured stage and
 * per-second rates, for the report's time charts.
 *
 * @module
 */
import type { LoadResults, RunResult } from '../harness/results/load-results.js';
import type { TimeMarker } from './charts/charts.js';

/** The open-model phases of a run. */
export const openPhases = (l: LoadResults) => l.phases.filter((p): p is Extract<LoadResults['phases'][number], { kind: 'open' }> => p.kind === 'open');

/** Start of every stage of a run, in ms from the run's start. */
function stageStarts(r: RunResult): number[] {
  const out: number[] = [];
  let t = 0;
  for (const s of r.stages) {
    out.push(t);
    t += s.durationMs;
  }
  return out;
}

/** Stage labels a suite uses for the part of a step that only lets the endpoint settle. */
export const settling = (label: string | undefined) => !!label && /settle/i.test(label);

export interface Timeline {
  markers: TimeMarker[];
  p50: { from: number; to: number; value: number }[];
  p99: { from: number; to: number; value: number }[];
  successP99: { from: number; to: number; value: number }[];
  offered: [number, number | null][];
  succeeded: [number, number | null][];
  throttled: [number, number | null][];
  errors: [number, number | null][];
  anyThrottled: boolean;
  anyErrors: boolean;
}

/**
 * The open-model phases laid end to end (each after the previous one's schedule and drain):
 * latency per measured stage, and per-second rates — a second's count divided by the part of
 * it that was measured, so the partial seconds at warm-up and stage edges are rates too (left
 * out when under a quarter of the second was measured).
 */
export function timeline(l: LoadResults): Timeline {
  const t: Timeline = { markers: [], p50: [], p99: [], successP99: [], offered: [], succeeded: [], throttled: [], errors: [], anyThrottled: false, anyErrors: false };
  const phases = openPhases(l);
  let offset = 0;
  for (const p of phases) {
    const r = p.result;
    const starts = stageStarts(r);
    const seg = (i: number, v: number) => ({ from: offset + starts[i]! / 1000, to: offset + (starts[i]! + r.stages[i]!.durationMs) / 1000, value: v });
    if (phases.length > 1) t.markers.push({ at: offset, label: p.name });
    else {
      r.stages.forEach((s, i) => {
        if (s.measure !== false && s.label && !settling(s.label) && r.stages.length > 2) t.markers.push({ at: offset + starts[i]! / 1000, label: s.label });
      });
    }
    r.byStage.forEach((g, i) => {
      if (g.stage.measure === false || g.latency.count === 0) return;
      t.p50.push(seg(i, g.latency.p50));
      t.p99.push(seg(i, g.latency.p99));
      if (g.successLatency.count > 0) t.successP99.push(seg(i, g.successLatency.p99));
    });
    // Measured part of each second.
    const measured: [number, number][] = [];
    r.stages.forEach((s, i) => {
      if (s.measure !== false) measured.push([starts[i]!, starts[i]! + s.durationMs]);
    });
    for (const s of r.perSecond) {
      const a = s.second * 1000;
      const covered = measured.reduce((sum, [x, y]) => sum + Math.max(0, Math.min(y, a + 1000) - Math.max(x, a)), 0) / 1000;
      const at = offset + s.second + 0.5;
      if (covered < 0.25) {
        for (const k of ['offered', 'succeeded', 'throttled', 'errors'] as const) t[k].push([at, null]);
        continue;
      }
      t.offered.push([at, s.offered / covered]);
      t.succeeded.push([at, s.succeeded / covered]);
      t.throttled.push([at, s.throttled / covered]);
      t.errors.push([at, s.errors / covered]);
      if (s.throttled > 0) t.anyThrottled = true;
      if (s.errors > 0) t.anyErrors = true;
    }
    // A gap between phases.
    for (const k of ['offered', 'succeeded', 'throttled', 'errors'] as const) t[k].push([offset + r.elapsedMs / 1000, null]);
    offset += r.elapsedMs / 1000;
  }
  return t;
}
