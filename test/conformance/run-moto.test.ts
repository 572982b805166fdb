/**
 * The main job against a third-party target, as a user runs it: moto's KMS on a free loopback
 * port, `kmsbench run --endpoint URL --label moto --expect suites/expectations/moto.json
 * --concurrency 1 --no-load` (moto is not thread-safe: test/conformance/moto.test.ts), one
 * index.html with the reference server and moto side by side. Skipped, saying so, where moto is
 * not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultsSchema } from '../../harness/results/conformance-results.js';
import { PlanFileSchema } from '../../harness/results/plan-results.js';
import { CLI, DIST_BUILT, freePort, NOT_BUILT, run, waitForPort } from './support.js';

const probe = spawnSync('python3', ['-c', 'import moto, moto.server; print(moto.__version__)'], { encoding: 'utf8' });
const MOTO_VERSION = probe.status === 0 ? probe.stdout.trim() : undefined;
const SKIP = !MOTO_VERSION ? "moto is not installed for python3: pip install 'moto[server]' to run this test" : !DIST_BUILT ? NOT_BUILT : undefined;
if (SKIP) console.warn(`test/conformance/run-moto.test.ts: skipped — ${SKIP}`);

let moto: ChildProcess | undefined;
const out = mkdtempSync(join(tmpdir(), 'kmsbench-run-moto-'));
afterAll(() => {
  if (moto && moto.exitCode === null) moto.kill('SIGTERM');
  rmSync(out, { recursive: true, force: true });
});

describe.skipIf(SKIP !== undefined)(`kmsbench run --endpoint against moto ${MOTO_VERSION ?? ''}${SKIP ? ` — skipped: ${SKIP}` : ''}`, () => {
  it('writes one index.html with the reference server and moto side by side; every case as the expectation files say', { timeout: 240_000 }, async () => {
    const port = await freePort();
    moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    await waitForPort(port, 20_000);
    const url = `http://127.0.0.1:${port}`;
    const r = await run(process.execPath, [CLI, 'run', '--endpoint', url, '--label', 'moto', '--expect', 'suites/expectations/moto.json', '--concurrency', '1', '--no-load', '--out', out], 230_000);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^conformance \(moto\): \d+ cases in [\d.]+ s — \d+ pass, \d+ fail(?: \(\+\d+ on inferred behaviour\))?, \d+ blocked, \d+ unsupported, \d+ error, \d+ skip; exit 0/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`report: ${join(out, 'index.html')}`);
    const motoResults = ResultsSchema.parse(JSON.parse(readFileSync(join(out, 'moto', 'conformance', 'results.json'), 'utf8')));
    expect(motoResults.target.endpoint).toBe(url);
    expect(motoResults.counts.fail).toBeGreaterThan(50); // moto differs from AWS in many ways (moto.json)
    const reference = ResultsSchema.parse(JSON.parse(readFileSync(join(out, 'reference', 'conformance', 'results.json'), 'utf8')));
    expect(reference.counts.fail).toBe(0);
    PlanFileSchema.parse(JSON.parse(readFileSync(join(out, 'moto', 'plan', 'plan.json'), 'utf8')));
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('kmsbench main job: reference server (embedded) vs moto');
    expect(html).toMatch(/<th[^>]*>reference server \(embedded\)<\/th>\s*<th[^>]*>moto<\/th>/);
    // A case moto gets wrong shows both verdicts in the comparison.
    const differs = motoResults.cases.find((c) => c.outcome === 'fail')!;
    expect(html).toContain(differs.id);
  });
});
