import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ResultsSchema } from '../../results/conformance-results.js';
import { run, runUsage } from './command.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kmsbench run', () => {
  it('conformance and the report (--no-load): plain progress lines off a terminal, the report path last', { timeout: 120_000 }, async () => {
    const chunks: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void chunks.push(`${a.join(' ')}\n`));
    let code: number;
    try {
      code = await run(['--no-load', '--out', dir]);
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    expect(code).toBe(0);
    const text = chunks.join('');
    expect(text).not.toMatch(/\r|\x1b\[/); // no terminal control off a terminal
    expect(text).toMatch(/^\[1\/2 conformance\] /m);
    expect(text).toMatch(/^conformance: \d+ cases in [\d.]+ s — \d+ pass, 0 fail, 0 blocked, \d+ unsupported, 0 error, \d+ skip; exit 0/m);
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`report: ${join(dir, 'index.html')}`);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(dir, 'conformance', 'results.json'), 'utf8')));
    expect(results.counts.total).toBeGreaterThan(300);
    for (const f of ['index.html', 'report.md', 'junit.xml', 'plan/plan.json', 'conformance/junit.xml']) expect(existsSync(join(dir, f)), f).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('kmsbench main job: reference server (embedded)');
    expect(html).toContain('Capacity plan: microservice-fleet-envelope-caching');
  });

  it('--help', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    expect(await run(['--help'])).toBe(0);
    log.mockRestore();
    expect(out.join('\n')).toBe(runUsage);
  });
});
