import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diff } from './diff.js';
import { report } from './report.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kmsbench report on kmsbench diff output', () => {
  beforeEach(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('two embedded servers: the report says 0 divergences', async () => {
    const out = join(dir, 'ee');
    expect(await diff(['--a', 'embedded', '--b', 'embedded', '--steps', '30', '--seed', '1', '--out', out])).toBe(0);
    expect(await report([out])).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<h3>Differential run: embedded-a vs embedded-b</h3>');
    expect(html).toContain('0 divergences</span>');
    expect(html).not.toContain('<table class="divergences">');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('differential run embedded-a vs embedded-b — ✅ 0 divergences');
  });

  it('a diff.json with two divergences: the table shows both', async () => {
    const folder = join(dir, 'two');
    cpSync(new URL('../test/reports/fixtures/diff-two-divergences/', import.meta.url).pathname, folder, { recursive: true });
    expect(await report([folder, '--out', join(dir, 'two-report')])).toBe(0);
    const html = readFileSync(join(dir, 'two-report', 'index.html'), 'utf8');
    const rows = [...html.matchAll(/<tr><td class="l"><code>(d\d\d-[^<]+)<\/code><\/td><td class="l">([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['d01-DescribeKey-members', 'DescribeKey'],
      ['d02-DisableKey-status', 'DisableKey'],
    ]);
    expect(html).toContain(`<code>${join(folder, 'divergences', 'd02-DisableKey-status.sh')}</code>`);
  });

  it('a folder without any result file is still refused, naming diff.json among what it looked for', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    await expect(report([empty])).rejects.toThrow(/no results\.json, load\.json, plan\.json or diff\.json/);
  });
});
