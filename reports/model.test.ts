import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baselineRun, reportDeltas } from '../harness/gate/index.js';
import { parseWorkloadText, planWorkload } from '../harness/plan/index.js';
import { conformanceResults, latencyLoad, LATENCY_OPS, throttleLoad } from '../test/reports/fixtures.js';
import { PlanFileSchema } from '../harness/results/plan-results.js';
import type { ResultFolder } from '../harness/results/result-folder.js';
import { conformanceView } from './conformance-view.js';
import { buildModel, type ReportInput } from './report-model.js';
import { timeline } from './timeline.js';
import { mergeDistributions, valueAt } from './spectrum.js';

const target = (label: string, o: Partial<ResultFolder> = {}): ResultFolder => ({ label, source: `/results/${label}`, conformance: [], load: [], plans: [], diffs: [], ...o });
const input = (targets: ResultFolder[], extra: Partial<ReportInput> = {}): ReportInput => ({ generatedAt: '2026-11-25T12:00:00.000Z', toolVersion: '0.1.0', targets, ...extra });

describe('conformance view', () => {
  it('counts per tag, unexpected failures with expected vs actual, known failures, skips by reason', () => {
    const v = conformanceView('results.json', conformanceResults({ broken: true }));
    expect(v.tags.map((t) => t.tag)).toEqual(['aliases', 'crypto', 'key-state']);
    expect(v.tags.find((t) => t.tag === 'crypto')).toMatchObject({ cases: 3, pass: 1, fail: 1, skip: 1, diff: 1, known: 0 });
    expect(v.total).toMatchObject({ cases: 6, pass: 3, fail: 2, skip: 1, diff: 1, known: 1 });
    expect(v.unexpected.map((f) => f.id)).toEqual(['crypto.decrypt-disabled']);
    expect(v.unexpected[0]!.expectedText).toContain('DisabledException');
    expect(v.unexpected[0]!.actualText).toContain('"status": 200');
    expect(v.known.map((f) => f.id)).toEqual(['aliases.list-aliases']);
    expect(v.skipped).toEqual([{ reason: 'the endpoint does not create RSA_2048 keys', ids: ['crypto.rsa-only'] }]);
    expect(v.exitMeaning).toBe('differences from the expectations');
  });
});

describe('load views', () => {
  it('per-second rates are rates even for the partial seconds at warm-up edges', () => {
    const t = timeline(latencyLoad());
    const offered = t.offered.filter((p) => p[1] !== null).map((p) => p[1]!);
    // 200/s offered every measured second, including the half-measured first one.
    for (const v of offered) expect(v).toBeCloseTo(200, 0);
    expect(t.markers.map((m) => m.label)).toEqual(LATENCY_OPS);
    expect(t.p99).toHaveLength(3);
    // Phases follow each other: the second starts where the first's schedule and drain end.
    expect(t.markers[1]!.at).toBeCloseTo(2.52, 2);
  });

  it('the throttle curve: stage markers, throttled rate over time, ideal vs admitted', () => {
    const l = throttleLoad({ quota: 500 });
    const t = timeline(l);
    expect(t.markers.map((m) => m.label)).toEqual(['0.5x', '1x', '1.5x', '2x', '3x']);
    expect(t.anyThrottled).toBe(true);
    const m = buildModel(input([target('ref', { load: [{ file: 'load.json', results: l }] })]));
    const v = m.targets[0]!.load[0]!;
    expect(v.throttle!.steps.map((s) => Math.round(s.admittedRate / 10) * 10)).toEqual([250, 500, 500, 500, 500]);
    for (const chart of Object.values(v.charts)) expect(chart).toMatch(/^<svg /);
  });

  it('a saturated generator is a warning on the run and counted in the overview', () => {
    const l = latencyLoad({ lateOperation: 'Decrypt 1 KiB' });
    const m = buildModel(input([target('ref', { load: [{ file: 'load.json', results: l }] })]));
    expect(m.targets[0]!.load[0]!.saturatedPhases).toEqual(['Decrypt 1 KiB']);
    expect(m.overview[0]).toMatchObject({ saturated: 1, warnings: 1, status: 'attention' });
  });
});

describe('several targets', () => {
  const ref = target('reference', { conformance: [{ file: 'a', results: conformanceResults() }], load: [{ file: 'l1', results: latencyLoad({ seed: 1 }) }, { file: 'l2', results: latencyLoad({ seed: 2 }) }] });
  const emu = target('emulator', { conformance: [{ file: 'b', results: conformanceResults({ broken: true }) }], load: [{ file: 'l3', results: latencyLoad({ seed: 3, scale: 4 }) }] });

  it('conformance verdicts per case per target, disagreements first', () => {
    const c = buildModel(input([ref, emu])).comparison!.conformance!;
    expect(c.disagreeing.map((r) => r.id)).toEqual(['aliases.list-aliases', 'crypto.decrypt-disabled']);
    expect(c.disagreeing[1]!.cells).toEqual([{ outcome: 'pass', asExpected: true }, { outcome: 'fail', asExpected: false }]);
    expect(c.total).toBe(6);
  });

  it('latency per target: one run as recorded, several merged as distributions (not averaged)', () => {
    const m = buildModel(input([ref, emu]));
    const row = m.comparison!.latency!.rows.find((r) => r.operation === 'Encrypt 1 KiB')!;
    const [a, b] = row.cells;
    expect(a!.runs).toBe(2);
    const runs = ref.load.map((l) => (l.results.phases[0] as { result: { latency: { count: number; spectrum: { percentile: number; ms: number }[]; p99: number } } }).result.latency);
    const merged = mergeDistributions(runs, [99]);
    expect(a!.p99).toBeCloseTo(valueAt(merged.spectrum, 99), 9);
    expect(a!.count).toBe(runs[0]!.count + runs[1]!.count);
    expect(b!.runs).toBe(1);
    expect(b!.p99).toBe((emu.load[0]!.results.phases[0] as { result: { latency: { p99: number } } }).result.latency.p99);
    expect(b!.p99).toBeGreaterThan(a!.p99 * 2);
    expect(m.comparison!.latency!.chart).toContain('class="bar"');
  });

  it('the overview says which target fails', () => {
    const m = buildModel(input([ref, emu]));
    expect(m.overview.map((o) => [o.label, o.status, o.differences])).toEqual([
      ['reference', 'ok', 0],
      ['emulator', 'failing', 1],
    ]);
    expect(m.title).toBe('kmsbench report: reference vs emulator');
  });
});

describe('baseline deltas', () => {
  it('the gate rule over the target against its baseline, drawn with noise bands', () => {
    const base = [1, 2, 3, 4, 5].map((seed) => baselineRun(latencyLoad({ seed, seconds: 12 }), `b${seed}`));
    const slow = target('ref', { load: [1, 2, 3].map((seed) => ({ file: `c${seed}`, results: latencyLoad({ seed: 10 + seed, scale: 1.6, seconds: 12 }) })) });
    const m = buildModel(input([slow], { deltas: reportDeltas({ source: 'baseline.json', runs: base }, [slow]) }));
    const d = m.targets[0]!.deltas!;
    const p99 = d.result.rows.filter((r) => r.metric === 'p99');
    expect(p99).toHaveLength(3);
    for (const r of p99) {
      expect(r.comparison.change).toBeGreaterThan(0.3);
      expect(r.decision.verdict).toBe('regression');
    }
    const thr = d.result.rows.filter((r) => r.metric === 'throughput');
    for (const r of thr) expect(r.decision.verdict).toBe('ok');
    expect(d.chart).toContain('class="band"');
    expect(m.overview[0]!.regressions).toBe(3);
  });
});

describe('capacity plans', () => {
  it('a plan from the planner is a valid plan file', () => {
    const file = new URL('../suites/workloads/s3-sse-kms-no-bucket-keys.yaml', import.meta.url);
    const plan = planWorkload(parseWorkloadText(readFileSync(file, 'utf8'), 'x.yaml'));
    const parsed = PlanFileSchema.parse(JSON.parse(JSON.stringify(plan)));
    expect(parsed.classes.length).toBeGreaterThan(0);
  });
});
