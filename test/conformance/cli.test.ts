/** `kmsbench conformance` as users run it: the compiled CLI, its files and its exit codes. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultsSchema } from '../../harness/results/conformance-results.js';
import { discoverCases } from '../../suites/index.js';
import { DIST_BUILT, kmsbench, NOT_BUILT } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-conformance-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!DIST_BUILT)(`kmsbench conformance (compiled CLI)${DIST_BUILT ? '' : ` — skipped: ${NOT_BUILT}`}`, () => {
  it('--list from dist/ finds the same cases as the sources', async () => {
    const r = await kmsbench(['conformance', '--list']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const listed = r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    const source = (await discoverCases()).cases.map((c) => c.case.id);
    expect(listed.sort()).toEqual(source.sort());
  });

  it('runs selected cases against the embedded server and writes results.json and junit.xml', async () => {
    const source = (await discoverCases()).cases.map((c) => c.case.id).sort();
    const id = source[0]!;
    const out = join(dir, 'one');
    const r = await kmsbench(['conformance', '--grep', id, '--out', out, '--verbose']);
    expect(r.stderr).toBe('');
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(results.cases.map((c) => c.id)).toContain(id);
    expect(results.expectations.file).toBe(join('suites', 'expectations', 'reference.json'));
    expect(r.code).toBe(results.exitCode);
    expect(r.stdout).toMatch(/^tag\s+cases\s+pass\s+fail\s+blocked\s+unsup\s+error\s+skip\s+known\s+diff$/m);
    expect(r.stdout).toMatch(/^\d+ pass, \d+ fail, \d+ blocked, \d+ unsupported, \d+ error, \d+ skip$/m);
    expect(r.stdout).toContain(`judged as AWS behaves as of ${new Date().toISOString().slice(0, 10)} (--aws-as-of)`);
    expect(results.cases.find((c) => c.id === id)?.source).toMatchObject({ kind: expect.stringMatching(/^(recorded|documented|inferred)$/), verifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<property name="source.kind" value="');
    expect(r.stdout).toMatch(/cases in \d+\.\d s \(probe/);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/^<\?xml[^]*<testsuites [^]*<\/testsuites>\n$/);
  });

  it('exit 0 when everything is as expected, 1 on differences', async () => {
    const id = (await discoverCases()).cases.map((c) => c.case.id).sort()[0]!;
    const fails = join(dir, 'fails.json');
    writeFileSync(fails, JSON.stringify({ target: 'test', cases: { [id]: { expect: 'fail', reason: 'pretend' } } }));
    const passes = join(dir, 'none.json');
    writeFileSync(passes, JSON.stringify({ target: 'test', cases: {} }));
    const ok = await kmsbench(['conformance', '--grep', id, '--out', join(dir, 'a'), '--expect', passes]);
    const diff = await kmsbench(['conformance', '--grep', id, '--out', join(dir, 'b'), '--expect', fails]);
    expect([ok.code, diff.code]).toEqual([0, 1]);
    expect(diff.stdout).toContain(`✗ ${id}  [fail → pass]  now passes: remove it from the expectation file (listed because: pretend)`);
  });

  it('--update-expectations rewrites the file from the run', async () => {
    const id = (await discoverCases()).cases.map((c) => c.case.id).sort()[0]!;
    const file = join(dir, 'update.json');
    writeFileSync(file, JSON.stringify({ target: 'test', cases: { [id]: { expect: 'fail', reason: 'pretend' }, 'zz.gone': { expect: 'fail', reason: 'stale' } } }));
    const r = await kmsbench(['conformance', '--grep', id, '--out', join(dir, 'u'), '--expect', file, '--update-expectations']);
    expect(r.stdout).toContain('wrote ');
    expect(r.stdout).toContain(': 0 added, 2 removed, 0 changed outcome');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ target: 'test', cases: {} });
  });

  it('exit 2 on usage errors: unknown option, tag or fault, bad expectation file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ target: 'x', cases: { a: { expect: 'maybe', reason: 'r' } } }));
    const runs = await Promise.all([
      kmsbench(['conformance', '--nope']),
      kmsbench(['conformance', '--tags', 'crypto']),
      kmsbench(['conformance', '--fault', 'nope']),
      kmsbench(['conformance', '--endpoint', 'http://127.0.0.1:1', '--fault', 'ec-concat']),
      kmsbench(['conformance', '--expect', bad]),
      kmsbench(['conformance', '--expect', join(dir, 'missing.json')]),
      kmsbench(['conformance', '--expect', 'none', '--update-expectations']),
      kmsbench(['conformance', '--aws-as-of', '2025-02-30']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(runs[7]!.stderr).toContain("--aws-as-of '2025-02-30' is not a date YYYY-MM-DD");
    expect(runs[1]!.stderr).toContain("unknown tag 'crypto'");
    expect(runs[4]!.stderr).toMatch(/bad\.json: cases\.a\.expect/);
  });

  it('--aws-as-of: a case whose AWS behaviour is newer than the profile is skipped, saying so', async () => {
    const r = await kmsbench(['conformance', '--grep', 'crypto.decrypt-key-material-id', '--aws-as-of', '2025-01-01', '--out', join(dir, 'p')]);
    expect(r.code).toBe(0);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(dir, 'p', 'results.json'), 'utf8')));
    expect(results.profile).toEqual({ awsAsOf: '2025-01-01' });
    expect(results.cases.map((c) => [c.id, c.outcome, c.reason])).toEqual([
      ['crypto.decrypt-key-material-id', 'skip', 'not yet AWS behaviour as of 2025-01-01 (since 2025-06-05)'],
    ]);
  });

  it('exit 3 when the endpoint cannot be reached', async () => {
    const r = await kmsbench(['conformance', '--endpoint', 'http://127.0.0.1:9', '--out', join(dir, 'c')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot reach the endpoint http:\/\/127\.0\.0\.1:9/);
  });

  it('--help lists the options and the exit codes', async () => {
    const r = await kmsbench(['conformance', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exit codes: 0 every case as expected; 1 differences from the expectations; 2 usage error; 3 harness error');
  });
});
