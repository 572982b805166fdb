import { describe, expect, it } from 'vitest';
import { simulatedRun } from '../../test/reports/fixtures.js';
import { loadEventLines } from './events.js';

describe('loadEventLines', () => {
  const result = simulatedRun({ stages: [{ durationMs: 1000, rate: 50 }], medianMs: 2, late: true });

  it('prints a suite note as is, a phase start as nothing', () => {
    expect(loadEventLines({ type: 'note', text: 'workload default-mix at 100/s' })).toEqual(['workload default-mix at 100/s']);
    expect(loadEventLines({ type: 'quota-found', symmetric: 500, source: 'metrics' })).toEqual(["symmetric quota 500/s (from the endpoint's metrics)"]);
    expect(loadEventLines({ type: 'phase-start', name: 'x', kind: 'open', peakRate: 50, durationMs: 1000 })).toEqual([]);
  });

  it('an open phase: its rates and latencies, and a warning when the generator fell behind', () => {
    const lines = loadEventLines({ type: 'phase-done', name: 'Encrypt 1 KiB', phase: { kind: 'open', name: 'Encrypt 1 KiB', result } });
    expect(lines[0]).toMatch(/^Encrypt 1 KiB:  offered 50\.0\/s  ok 50\.0\/s  throttled 0\.0\/s  errors 0  latency ms p50 \S+ p90 \S+ p99 \S+ p99\.9 \S+ max \S+  send lag p99 \S+ ms$/);
    expect(lines.slice(1)).toEqual(result.generator.saturated ? [`  WARNING Encrypt 1 KiB: generator saturated — ${result.generator.reasons.join('; ')}`] : []);
    const envelope = loadEventLines({ type: 'phase-done', name: 'cache', phase: { kind: 'open', name: 'cache', result: { ...result, client: 'envelope', extra: { kmsCalls: 7 } } } });
    expect(envelope[0]).toMatch(/  KMS calls 7$/);
  });
});
