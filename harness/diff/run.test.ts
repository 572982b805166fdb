import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../reference-impl/server.js';
import { signedEndpoint, type DiffEndpoint } from './endpoint.js';
import { runDiff, sampleSequences } from './run.js';
import { DiffFileSchema, type DiffFile } from '../results/diff-results.js';

const servers: RunningServer[] = [];
const dirs: string[] = [];
let a: DiffEndpoint;
let b: DiffEndpoint;

beforeAll(async () => {
  for (const side of ['a', 'b']) {
    const dataDir = mkdtempSync(join(tmpdir(), `kmsbench-diff-test-${side}-`));
    dirs.push(dataDir);
    servers.push(await startServer({ port: 0, dataDir, workers: 1, audit: false, quotas: { enabled: false } }));
  }
  const endpoint = (label: string, s: RunningServer) =>
    signedEndpoint({ label, url: s.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, family: 'reference' });
  a = endpoint('a', servers[0]!);
  b = endpoint('b', servers[1]!);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** b with one deliberate difference: DescribeKey replies lose KeyMetadata.Description. */
function withoutDescription(e: DiffEndpoint): DiffEndpoint {
  return {
    ...e,
    label: 'b-without-description',
    async send(op, body) {
      const reply = await e.send(op, body);
      const meta = (reply.body as { KeyMetadata?: Record<string, unknown> } | undefined)?.KeyMetadata;
      if (op === 'DescribeKey' && meta) delete meta.Description;
      return reply;
    },
  };
}

const verdicts = (d: DiffFile) => d.divergences.map((v) => ({ signature: v.signature, steps: v.steps.map((s) => s.text), occurrences: v.occurrences }));

describe('sampleSequences', () => {
  it('draws the same sequences from the same seed and others from another seed', () => {
    const one = sampleSequences(7, 120);
    expect(sampleSequences(7, 120)).toEqual(one);
    expect(sampleSequences(8, 120)).not.toEqual(one);
    expect(one.reduce((n, s) => n + s.length, 0)).toBeGreaterThanOrEqual(120);
    for (const s of one) expect(s[0]!.op).toBe('CreateKey');
  });

  it('uses only the operations asked for (plus the CreateKey setup)', () => {
    const ops = new Set(sampleSequences(3, 200, ['Encrypt', 'Decrypt']).flat().map((s) => s.op));
    expect([...ops].sort()).toEqual(['CreateKey', 'Decrypt', 'Encrypt']);
  });
});

describe('runDiff against two embedded servers', () => {
  it('finds no divergence between two reference servers', async () => {
    const result = await runDiff({ a, b, seed: 11, steps: 80 });
    expect(DiffFileSchema.parse(result).divergences).toEqual([]);
    expect(result.stepsRun).toBeGreaterThanOrEqual(80);
  });

  it('finds a planted difference, shrinks it to CreateKey + DescribeKey, groups its repeats, and reproduces it from the seed', async () => {
    const options = { a, b: withoutDescription(b), seed: 5, steps: 60, ops: ['DescribeKey', 'EnableKey', 'TagResource'] as const };
    const first = await runDiff({ ...options, ops: [...options.ops] });
    expect(first.divergences).toHaveLength(1);
    const d = first.divergences[0]!;
    expect(d.first_difference).toMatchObject({ operation: 'DescribeKey', kind: 'members', path: 'KeyMetadata', a: ['Description'], b: [] });
    expect(d.steps.map((s) => s.op)).toEqual(['CreateKey', 'DescribeKey']);
    expect(d.occurrences).toBeGreaterThan(1);
    const again = await runDiff({ ...options, ops: [...options.ops] });
    expect(verdicts(again)).toEqual(verdicts(first));
  });
});
