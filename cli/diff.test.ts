import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DiffFileSchema } from '../harness/results/diff-results.js';
import { UsageError } from './args.js';
import { diff } from './diff.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-diff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(fn: () => Promise<number>): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    return { code: await fn(), text: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('kmsbench diff', () => {
  it('two embedded servers: exit 0, diff.json with no divergence, the seed and steps it was given', async () => {
    const out = join(dir, 'ee');
    const { code, text } = await capture(() => diff(['--a', 'embedded', '--b', 'embedded', '--steps', '60', '--seed', '4', '--out', out]));
    expect(code).toBe(0);
    expect(text).toContain('embedded-a vs embedded-b, seed 4, 60 steps');
    expect(text).toContain('0 divergence(s)');
    const file = DiffFileSchema.parse(JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')));
    expect(file).toMatchObject({ seed: 4, steps: 60, divergences: [], a: { label: 'embedded-a', family: 'reference' } });
    expect(existsSync(join(out, 'divergences')) ? readdirSync(join(out, 'divergences')) : []).toEqual([]);
  });

  it('refuses bad options as usage errors', async () => {
    await expect(diff(['--a', 'embedded'])).rejects.toThrow(UsageError);
    await expect(diff(['--a', 'embedded', '--b', 'ftp://x'])).rejects.toThrow(/http\(s\)/);
    await expect(diff(['--a', 'embedded', '--b', 'embedded', '--ops', 'Encrypt,Frobnicate'])).rejects.toThrow(/Frobnicate/);
    await expect(diff(['--a', 'embedded', '--b', 'embedded', '--steps', '0'])).rejects.toThrow(/--steps/);
  });

  it('exit 3 when an endpoint does not answer', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { code } = await capture(() => diff(['--a', 'embedded', '--b', 'http://127.0.0.1:9', '--steps', '5', '--out', join(dir, 'x')]));
      expect(code).toBe(3);
      expect(err.mock.calls.flat().join(' ')).toContain('did not answer');
    } finally {
      err.mockRestore();
    }
  });
});
