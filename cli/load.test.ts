import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadResultsSchema } from '../harness/results/load-results.js';
import { UsageError } from './args.js';
import { load, loadUsage } from './load.js';

describe('kmsbench load', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('runs a suite against the embedded server and writes load.json', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsbench-load-cli-'));
    await load(['--suite', 'mixed', '--duration', '500ms', '--rate', '100', '--arrivals', 'constant', '--out', dir]);
    const doc = LoadResultsSchema.parse(JSON.parse(readFileSync(join(dir, 'load.json'), 'utf8')));
    expect(doc.command).toEqual(['load', '--suite', 'mixed', '--duration', '500ms', '--rate', '100', '--arrivals', 'constant', '--out', dir]);
    expect(doc.options).toMatchObject({ rate: 100, durationMs: 500, arrivals: 'constant', mode: 'open', client: 'raw' });
    const text = out.join('\n');
    expect(text).toMatch(/embedded reference server http:\/\/127\.0\.0\.1:\d+ \(quotas off\)/);
    expect(text).toMatch(/workload default-mix at 100\/s/);
    expect(text).toContain(`wrote ${join(dir, 'load.json')}`);
  });

  it('explains bad options as usage errors', async () => {
    await expect(load([])).rejects.toThrow(UsageError);
    await expect(load(['--suite', 'nope'])).rejects.toThrow(/unknown suite 'nope'/);
    await expect(load(['--suite', 'latency', '--duration', 'soon'])).rejects.toThrow(/--duration/);
    await expect(load(['--suite', 'backoff', '--retry', 'often'])).rejects.toThrow(/--retry/);
    await expect(load(['--suite', 'latency', '--rate', '-3'])).rejects.toThrow(/--rate/);
    await expect(load(['--suite', 'latency', '--client', 'curl'])).rejects.toThrow(/--client/);
    await expect(load(['--suite', 'throttle-curve', '--mode', 'saturate'])).rejects.toThrow(UsageError);
    await expect(load(['--suite', 'mixed', '--workload', '/nonexistent.yaml'])).rejects.toThrow(/cannot read/);
    await expect(load(['--suite', 'latency', '--endpoint', 'ftp://x'])).rejects.toThrow(/http/);
    await expect(load(['--suite', 'latency', '--inject', 'latency=Encrypt:p50=20'])).rejects.toThrow(/p99 must be milliseconds/);
    await expect(load(['--suite', 'latency', '--latency-profile', 'moon'])).rejects.toThrow(/unknown latency profile 'moon'/);
    await expect(load(['--suite', 'latency', '--endpoint', 'http://127.0.0.1:9', '--inject', 'error=reset:0.1'])).rejects.toThrow(/apply to the embedded server/);
  });

  it('lists the suites in --help', async () => {
    await load(['--help']);
    expect(out.join('\n')).toBe(loadUsage);
    for (const s of ['latency', 'throttle-curve', 'backoff', 'envelope-caching', 'mixed', 'micro']) expect(loadUsage).toContain(`    ${s} `);
  });
});
