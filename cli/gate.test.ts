import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latencyLoad } from '../test/reports/fixtures.js';
import { BaselineFileSchema } from '../harness/results/baseline-file.js';
import { UsageError } from './args.js';
import { gate, gateUsage } from './gate.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-gate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `n` latency runs (12 s each) under dir/name/runK/load.json. */
function runs(name: string, seeds: number[], scale = 1): string {
  const d = join(dir, name);
  seeds.forEach((seed, k) => {
    mkdirSync(join(d, `run${k}`), { recursive: true });
    writeFileSync(join(d, `run${k}`, 'load.json'), JSON.stringify(latencyLoad({ seed, scale, seconds: 12 })));
  });
  return d;
}

describe('kmsbench gate', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  const baseDir = runs('base', [1, 2, 3, 4, 5]);
  const baseline = join(dir, 'baseline.json');

  it('--save-baseline writes the runs of a directory as a baseline file', async () => {
    expect(await gate(['--save-baseline', baseline, '--current', baseDir])).toBe(0);
    const file = BaselineFileSchema.parse(JSON.parse(readFileSync(baseline, 'utf8')));
    expect(file.runs).toHaveLength(5);
    expect(out.join('\n')).toContain(`saved 5 run(s) (latency) as the baseline ${baseline}`);
  });

  it('exit 0 for runs of the same code, with a table', async () => {
    expect(await gate(['--baseline', baseline, '--current', runs('same', [11, 12, 13])])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^metric\s+baseline\s+current\s+change\s+95 % band\s+p \(Holm\)\s+method\s+verdict/);
    expect(text).toContain('no regression');
  });

  it('exit 1 for a 60 % slower server; --save-baseline then refuses to save', async () => {
    const save = join(dir, 'not-saved.json');
    expect(await gate(['--baseline', baseline, '--current', runs('slow', [21, 22, 23], 1.6), '--save-baseline', save])).toBe(1);
    expect(out.join('\n')).toContain('3 regression(s): exit 1');
    expect(err.join('\n')).toContain('not saving');
  });

  it('thresholds are options: a 60 % rise passes when 100 % is allowed; --json', async () => {
    expect(await gate(['--baseline', baseline, '--current', join(dir, 'slow'), '--max-p99-regression', '100%', '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.thresholds).toMatchObject({ maxP99Regression: 1, minThroughputRatio: 0.95, alpha: 0.01 });
  });

  it('a single run each side is reported, not gated', async () => {
    const one = join(dir, 'base', 'run0', 'load.json');
    expect(await gate(['--baseline', one, '--current', join(dir, 'slow', 'run0', 'load.json')])).toBe(0);
    expect(out.join('\n')).toMatch(/not gated/);
  });

  it('usage errors, and unreadable inputs exit 2 (1 means a regression)', async () => {
    await expect(gate([])).rejects.toThrow(UsageError);
    await expect(gate(['--current', baseDir])).rejects.toThrow(/--baseline/);
    await expect(gate(['--baseline', baseline, '--current', baseDir, '--min-throughput-ratio', '3'])).rejects.toThrow(/min-throughput-ratio/);
    await expect(gate(['--baseline', baseline, '--current', baseDir, '--max-p99-regression', 'lots'])).rejects.toThrow(/max-p99-regression/);
    expect(await gate(['--baseline', join(dir, 'nope.json'), '--current', baseDir])).toBe(2);
    writeFileSync(join(dir, 'bad.json'), '{"kind":"something"}');
    expect(await gate(['--baseline', join(dir, 'bad.json'), '--current', baseDir])).toBe(2);
    expect(err.join('\n')).toMatch(/neither a load.json/);
  });

  it('--help', async () => {
    expect(await gate(['--help'])).toBe(0);
    expect(out.join('\n')).toBe(gateUsage);
  });
});
