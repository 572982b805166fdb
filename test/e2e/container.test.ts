/**
 * The container image and the examples, checked without a container runtime (none runs where
 * kmsbench is built and tested; hadolint is in neither Debian nor npm): the Dockerfile has what the
 * README promises — a multi-stage build on Node 20 slim, a non-root user, the data dir as a
 * volume, the seed mount point, a HEALTHCHECK on the health endpoint and `serve` as entry point —
 * and its HEALTHCHECK command works against a running server; compose.yaml and the workflow
 * example parse; the Testcontainers examples are valid JavaScript and Python.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServer, type RunningServer } from '../../reference-impl/server.js';
import { available, removeTempDirs, ROOT, runCommand, tempDir } from './harness.js';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** Instructions with continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [op, ...rest] = l.split(/\s+/);
    return { op: op!.toUpperCase(), args: rest.join(' ') };
  });
const stages = instructions.filter((i) => i.op === 'FROM');
const last = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

describe('Dockerfile', () => {
  it('builds in one stage and runs Node 20 slim in another, as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s.args).toMatch(/^node:20[\w.-]*-slim\b/);
    expect(last.some((i) => i.op === 'COPY' && i.args.startsWith('--from='))).toBe(true);
    const user = last.filter((i) => i.op === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    // Nothing after USER switches back to root.
    expect(last.slice(last.indexOf(user!)).some((i) => i.op === 'USER' && /^(root|0)/.test(i.args))).toBe(false);
  });

  it('keeps data in a volume, reads a seed from /init, listens on all interfaces, and serves', () => {
    const env = last.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/KMSBENCH_HOST=0\.0\.0\.0/);
    expect(env).toMatch(/KMSBENCH_DATA_DIR=\/data/);
    expect(env).toMatch(/KMS_SEED_PATH=\/init\/seed\.yaml/);
    expect(last.find((i) => i.op === 'VOLUME')?.args).toContain('/data');
    expect(last.find((i) => i.op === 'EXPOSE')?.args).toBe('4599');
    expect(JSON.parse(last.find((i) => i.op === 'ENTRYPOINT')!.args)).toEqual(['node', 'bin/kmsbench.js', 'serve']);
  });

  it('has a HEALTHCHECK whose command passes against a running server and fails without one', async () => {
    const hc = last.find((i) => i.op === 'HEALTHCHECK')!;
    expect(hc.args).toContain('/_kmsbench/health');
    const cmd = JSON.parse(hc.args.slice(hc.args.indexOf('CMD') + 3).trim()) as string[];
    expect(cmd[0]).toBe('node');
    server = await startServer({ port: 0, dataDir: tempDir() });
    const run = (port: number) => runCommand(process.execPath, cmd.slice(1), { env: { ...process.env, KMSBENCH_PORT: String(port) }, timeoutMs: 10_000 });
    expect((await run(server.port)).code).toBe(0);
    await server.close();
    expect((await run(server.port)).code).toBe(1);
    server = undefined;
  });

  it('leaves the build context small (.dockerignore)', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const p of ['node_modules', 'dist', '.git']) expect(ignored).toContain(p);
  });
});

describe('examples', () => {
  it('compose.yaml runs the image with its health check, a seed mount and a data volume', () => {
    const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as { services: Record<string, { build?: string; ports: string[]; volumes: string[] }> };
    const kms = compose.services.kms!;
    expect(kms.build).toBe('.');
    expect(kms.ports).toContain('4599:4599');
    expect(kms.volumes.some((v) => v.endsWith(':/init/seed.yaml:ro'))).toBe(true);
    expect(kms.volumes.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('the GitHub Actions workflow runs the server as a service and the conformance suite against it, and uploads JUnit', () => {
    const wf = parse(readFileSync(join(ROOT, 'examples/github-actions.yml'), 'utf8')) as {
      jobs: Record<string, { services: Record<string, { ports: string[] }>; env: Record<string, string>; steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }>;
    };
    const job = wf.jobs.conformance!;
    expect(job.services.kms!.ports).toContain('4599:4599');
    expect(job.env.AWS_ENDPOINT_URL_KMS).toBe('http://127.0.0.1:4599');
    expect(job.steps.some((s) => s.run?.includes('kmsbench conformance'))).toBe(true);
    expect(job.steps.some((s) => s.with?.report_paths?.endsWith('junit.xml'))).toBe(true);
  });

  it('the Testcontainers examples are valid JavaScript and Python', async () => {
    execFileSync(process.execPath, ['--check', join(ROOT, 'examples/testcontainers/node/kms.test.mjs')]);
    if (await available('python3', ['--version'])) {
      const r = await runCommand('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', join(ROOT, 'examples/testcontainers/python/test_kms.py')]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
});
