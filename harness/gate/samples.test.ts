import { describe, expect, it } from 'vitest';
import { latencyLoad, throttleLoad } from '../../test/reports/fixtures.js';
import { BaselineFileSchema } from '../results/baseline-file.js';
import { baselineFile, baselineRun, keepNewest } from './baseline.js';
import { formatGate, gateCompare } from './compare.js';
import { loadMetrics, poolRuns, wholeSecondSuccesses } from './samples.js';

describe('samples from load.json', () => {
  it('latency suite: a p99 per operation per run, and successes in every whole measured second', () => {
    const m = loadMetrics(latencyLoad({ seconds: 5 }));
    expect(m.map((x) => x.key)).toEqual([
      'latency/Encrypt 1 KiB/p99',
      'latency/Encrypt 1 KiB/throughput',
      'latency/Decrypt 1 KiB/p99',
      'latency/Decrypt 1 KiB/throughput',
      'latency/DescribeKey/p99',
      'latency/DescribeKey/throughput',
    ]);
    const thr = m.find((x) => x.key === 'latency/Encrypt 1 KiB/throughput')!;
    // 0.5 s warm-up + 5 s measured: seconds 1..4 lie wholly inside the measured stage.
    expect(thr).toMatchObject({ sampling: 'second', better: 'higher', unit: '/s', samples: [200, 200, 200, 200] });
    expect(m.find((x) => x.metric === 'p99')).toMatchObject({ sampling: 'run', better: 'lower', unit: 'ms' });
  });

  it('whole seconds only: warm-up and stage edges are left out', () => {
    const seconds = [0, 1, 2, 3].map((second) => ({ second, offered: 1, sent: 1, completed: 1, succeeded: 10 + second, throttled: 0, errors: 0 }));
    expect(wholeSecondSuccesses({ stages: [{ durationMs: 500, rate: 1, measure: false }, { durationMs: 3000, rate: 1 }], perSecond: seconds })).toEqual([11, 12]);
    // A ramp is not a rate to compare second by second.
    expect(wholeSecondSuccesses({ stages: [{ durationMs: 4000, rate: 1, toRate: 5 }], perSecond: seconds })).toEqual([]);
  });

  it('throttle curve: admitted rate per step, p99 below the quota', () => {
    const m = loadMetrics(throttleLoad());
    expect(m.filter((x) => x.metric === 'throughput').map((x) => x.subject)).toEqual(['0.5x quota', '1x quota', '1.5x quota', '2x quota', '3x quota']);
    expect(m.filter((x) => x.metric === 'p99').map((x) => x.subject)).toEqual(['0.5x quota', '1x quota']);
  });

  it('runs pool per metric', () => {
    const pooled = poolRuns([loadMetrics(latencyLoad({ seed: 1 })), loadMetrics(latencyLoad({ seed: 2 }))]);
    const p99 = pooled.find((x) => x.metric.key === 'latency/DescribeKey/p99')!;
    expect(p99.runs).toBe(2);
    expect(p99.metric.samples).toHaveLength(2);
  });
});

describe('baseline files', () => {
  it('round-trip through their schema; the history keeps the newest runs per suite', () => {
    const runs = [1, 2, 3].map((s) => baselineRun(latencyLoad({ seed: s, startedAt: `2026-11-2${s}T00:00:00.000Z` }), `r${s}`));
    const file = baselineFile([...runs, baselineRun(throttleLoad(), 't')], '2026-11-25T00:00:00.000Z');
    expect(BaselineFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
    const kept = keepNewest(file.runs, 2);
    expect(kept.map((r) => r.source)).toEqual(['r2', 'r3', 't']);
  });
});

describe('gateCompare', () => {
  const base = [1, 2, 3, 4, 5].map((seed) => baselineRun(latencyLoad({ seed, seconds: 12 }), `b${seed}`));

  it('the same code again passes; a 60 % slower server fails on p99 of every operation', () => {
    const same = gateCompare(base, [6, 7, 8].map((seed) => baselineRun(latencyLoad({ seed, seconds: 12 }), 'c')));
    expect(same.regressions).toBe(0);
    const slow = gateCompare(base, [6, 7, 8].map((seed) => baselineRun(latencyLoad({ seed, seconds: 12, scale: 1.6 }), 'c')));
    expect(slow.rows.filter((r) => r.decision.verdict === 'regression').map((r) => r.key)).toEqual([
      'latency/Encrypt 1 KiB/p99',
      'latency/Decrypt 1 KiB/p99',
      'latency/DescribeKey/p99',
    ]);
    const text = formatGate(slow);
    expect(text).toMatch(/latency · Encrypt 1 KiB · p99 .* REGRESSION/);
    expect(text).toContain('3 regression(s): exit 1');
  });

  it('reports metrics on one side only and runs that are not comparable', () => {
    const other = { ...baselineRun(throttleLoad(), 't'), machine: { ...base[0]!.machine, cpus: 64 } };
    const r = gateCompare(base, [other]);
    expect(r.rows).toHaveLength(0);
    expect(r.missing.some((m) => m.only === 'baseline')).toBe(true);
    expect(r.warnings[0]).toMatch(/machines differ/);
  });
});
