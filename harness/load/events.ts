/**
 * What a load run reports while it runs (RunLoadOptions.onEvent): typed events for a progress
 * display, and {@link loadEventLines}, the lines `kmsbench load` prints for each.
 *
 * @module
 */
import type { Phase, RunResult } from '../results/load-results.js';
import { fmt } from './suite.js';

export type LoadEvent =
  /** A line of the suite's own (its progress notes, its per-task figures). */
  | { type: 'note'; text: string }
  /** The symmetric quota was read from the endpoint's metrics. */
  | { type: 'quota-found'; symmetric: number; source: 'metrics' }
  /** A phase starts: its peak offered rate (null: closed loop) and its length, warm-up included. */
  | { type: 'phase-start'; name: string; kind: 'open' | 'envelope' | 'saturate'; peakRate: number | null; durationMs: number }
  /** A phase ended, with its result as load.json will hold it. */
  | { type: 'phase-done'; name: string; phase: Phase };

function openLine(name: string, r: RunResult): string {
  const l = r.latency;
  const parts = [
    `${name}:`,
    `offered ${fmt(r.rates.offered, 1)}/s`,
    `ok ${fmt(r.rates.succeeded, 1)}/s`,
    `throttled ${fmt(r.rates.throttled, 1)}/s`,
    `errors ${r.counts.errors}`,
    ...(r.counts.unfinished ? [`unfinished ${r.counts.unfinished}`] : []),
    `latency ms p50 ${fmt(l.p50)} p90 ${fmt(l.p90)} p99 ${fmt(l.p99)} p99.9 ${fmt(l.p999)} max ${fmt(l.max)}`,
    `send lag p99 ${fmt(r.generator.sendLag.p99, 3)} ms`,
  ];
  return parts.join('  ');
}

/** The lines an event prints as (none for a phase starting). */
export function loadEventLines(e: LoadEvent): string[] {
  switch (e.type) {
    case 'note':
      return [e.text];
    case 'quota-found':
      return [`symmetric quota ${e.symmetric}/s (from the endpoint's metrics)`];
    case 'phase-start':
      return [];
    case 'phase-done': {
      const p = e.phase;
      if (p.kind === 'open') {
        const r = p.result;
        const line = r.client === 'envelope' ? `${openLine(e.name, r)}  KMS calls ${r.extra.kmsCalls ?? 0}` : openLine(e.name, r);
        return [line, ...(r.generator.saturated ? [`  WARNING ${e.name}: generator saturated — ${r.generator.reasons.join('; ')}`] : [])];
      }
      if (p.kind === 'saturate') {
        const r = p.result;
        return [
          `${e.name}: closed loop, ${r.connections} connections  ${fmt(r.rps.mean, 0)} req/s (±${fmt(r.rps.stddev, 0)})  throttled ${r.throttled}  errors ${r.errorReplies + r.transportErrors}  latency ms p50 ${fmt(r.latencyMs.p50)} p99 ${fmt(r.latencyMs.p99)} max ${fmt(r.latencyMs.max)}`,
        ];
      }
      return [];
    }
  }
}
