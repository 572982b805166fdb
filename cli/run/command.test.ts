import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ResultsSchema } from '../../harness/results/conformance-results.js';
import { UsageError } from '../args.js';
import { run, runUsage } from './command.js';
import { startStubKms } from '../../test/support/stub-kms.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The full suite runs here (775 cases since the asymmetric, import and policy cases: ~100 s alone
// on a loaded 2-core machine, RSA key generation most of it): the 300 s timeouts are hang guards.
describe('kmsbench run', () => {
  it('conformance and the report (--no-load): plain progress lines off a terminal, the report path last', { timeout: 300_000 }, async () => {
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
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(dir, 'reference', 'conformance', 'results.json'), 'utf8')));
    expect(results.counts.total).toBeGreaterThan(300);
    for (const f of ['index.html', 'report.md', 'junit.xml', 'reference/plan/plan.json', 'reference/conformance/junit.xml']) expect(existsSync(join(dir, f)), f).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('kmsbench main job: reference server (embedded)');
    expect(html).toContain('Capacity plan: microservice-fleet-envelope-caching');
  });

  it('--endpoint: the reference server and each endpoint side by side in one report; an unreachable one fails alone', { timeout: 300_000 }, async () => {
    const stub = await startStubKms();
    const out = mkdtempSync(join(tmpdir(), 'kmsbench-run-endpoints-'));
    const chunks: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void chunks.push(`${a.join(' ')}\n`));
    let code: number;
    try {
      code = await run(['--endpoint', stub.url, '--endpoint', 'http://127.0.0.1:9', '--label', 'stub', '--label', 'gone', '--no-load', '--out', out]);
    } finally {
      write.mockRestore();
      log.mockRestore();
      await stub.close();
    }
    const text = chunks.join('');
    expect(code, text).toBe(3); // the unreachable endpoint: the run could not be carried out there
    expect(text).toMatch(/^\[1\/4 conformance · reference\] /m);
    expect(text).toMatch(/^conformance: \d+ cases .* 0 fail, 0 blocked, \d+ unsupported, 0 error, \d+ skip; exit 0/m); // the reference server
    expect(text).toMatch(/^conformance \(stub\): \d+ cases .*; exit 1 /m); // the stub fails what it does not implement
    expect(text).toMatch(/^✗ gone: cannot reach the endpoint http:\/\/127\.0\.0\.1:9: ECONNREFUSED/m);
    expect(stub.targets.has('TrentService.CreateKey')).toBe(true); // the probe reached the stub
    const stubResults = ResultsSchema.parse(JSON.parse(readFileSync(join(out, 'stub', 'conformance', 'results.json'), 'utf8')));
    expect(stubResults.target.endpoint).toBe(stub.url);
    expect(stubResults.counts.pass).toBeLessThan(stubResults.counts.total / 2);
    expect(existsSync(join(out, 'stub', 'plan', 'plan.json'))).toBe(true);
    expect(existsSync(join(out, 'gone'))).toBe(false);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('kmsbench main job: reference server (embedded) vs stub vs gone');
    expect(html).toContain('id="comparison"');
    expect(html).toMatch(/<th[^>]*>reference server \(embedded\)<\/th>\s*<th[^>]*>stub<\/th>/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('stub');
    rmSync(out, { recursive: true, force: true });
  });

  it('usage errors before anything starts', async () => {
    await expect(run(['--no-reference'])).rejects.toThrow(/--no-reference needs at least one --endpoint/);
    await expect(run(['--no-reference', '--endpoint', 'http://127.0.0.1:9', '--inject', 'error=reset:0.1'])).rejects.toThrow(/apply to the reference server/);
    await expect(run(['--inject', 'latency=Encrypt'])).rejects.toThrow(/expected latency=OP:p50=MS,p99=MS/);
    await expect(run(['--endpoint', 'http://127.0.0.1:9', '--expect', '/nonexistent.json'])).rejects.toThrow(UsageError);
    await expect(run(['--endpoint', 'http://127.0.0.1:9', '--rate', '0'])).rejects.toThrow(/--rate must be a positive number/);
  });

  it('--help', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    expect(await run(['--help'])).toBe(0);
    log.mockRestore();
    expect(out.join('\n')).toBe(runUsage);
  });
});
