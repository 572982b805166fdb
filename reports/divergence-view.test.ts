import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiffFileSchema, type DiffFile, type Divergence } from '../harness/results/diff-results.js';
import { readResultFolder } from '../harness/results/result-folder.js';
import { divergenceRows, diffView } from './divergence-view.js';
import { renderReport } from './render.js';

/** A real diff.json: the reference server against one whose DescribeKey drops Description and whose DisableKey answers 500 (seed 5). */
const FIXTURE = new URL('../test/reports/fixtures/diff-two-divergences/', import.meta.url).pathname;

const base: Omit<Divergence, 'id' | 'first_difference' | 'a' | 'b'> = {
  signature: 's',
  occurrences: 3,
  sequences: [0, 2],
  steps: [
    { op: 'CreateKey', input: {}, text: 'CreateKey', a: 'ok', b: 'ok' },
    { op: 'DescribeKey', input: {}, text: 'DescribeKey', a: 'ok', b: 'ok' },
  ],
  shrinking: { fromSteps: 5, runs: 9, capped: false },
};

const file = (divergences: Divergence[]): DiffFile => ({
  version: 1,
  a: { label: 'a', endpoint: 'http://a' },
  b: { label: 'b', endpoint: 'http://b' },
  seed: 1,
  steps: 10,
  stepsRun: 10,
  sequences: 2,
  operations: ['DescribeKey'],
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  divergences,
});

describe('divergenceRows', () => {
  it('says per divergence which operation differs, how, what each side answered, and where its replay scripts are', () => {
    const rows = divergenceRows(
      file([
        {
          ...base,
          id: 'd01-DescribeKey-members',
          first_difference: { step: 1, operation: 'DescribeKey', kind: 'members', path: 'KeyMetadata', a: ['KeyUsage'], b: [] },
          a: { status: 200, body: {} },
          b: { status: 200, body: {} },
        },
        {
          ...base,
          id: 'd02-DisableKey-status',
          first_difference: { step: 1, operation: 'DisableKey', kind: 'status', path: '', a: 200, b: 500 },
          a: { status: 200, body: {} },
          b: { status: 500, error: { code: '(none)' } },
        },
        {
          ...base,
          id: 'd03-RotateKeyOnDemand-value',
          first_difference: { step: 1, operation: 'RotateKeyOnDemand', kind: 'value', path: 'KeyId', a: '<key#0.arn>', b: '<key#0>' },
          a: { status: 200, body: {} },
          b: { status: 200, body: {} },
        },
      ]),
      'runs/diff',
    );
    const replay = (id: string) => ({ sh: `runs/diff/divergences/${id}.sh`, test: `runs/diff/divergences/${id}.test.ts` });
    expect(rows).toEqual([
      { id: 'd01-DescribeKey-members', operation: 'DescribeKey', whatDiffers: 'members of KeyMetadata', a: 'has KeyUsage', b: '-', steps: 2, occurrences: 3, replay: replay('d01-DescribeKey-members') },
      { id: 'd02-DisableKey-status', operation: 'DisableKey', whatDiffers: 'status', a: '200 ok', b: '500 (none)', steps: 2, occurrences: 3, replay: replay('d02-DisableKey-status') },
      { id: 'd03-RotateKeyOnDemand-value', operation: 'RotateKeyOnDemand', whatDiffers: 'value at KeyId', a: '<key#0.arn>', b: '<key#0>', steps: 2, occurrences: 3, replay: replay('d03-RotateKeyOnDemand-value') },
    ]);
  });

  it('diffView takes the replay paths from where diff.json was read and counts capped shrinking', () => {
    const capped = { ...base, shrinking: { ...base.shrinking, capped: true } };
    const d = { ...capped, id: 'd01-x', first_difference: { step: 1, operation: 'DescribeKey', kind: 'status' as const, path: '', a: 200, b: 400 }, a: { status: 200 }, b: { status: 400 } };
    const v = diffView('out/moto/diff.json', file([d]));
    expect(v.rows[0]!.replay.sh).toBe('out/moto/divergences/d01-x.sh');
    expect(v).toMatchObject({ seed: 1, stepsRun: 10, sequences: 2, operations: 1, shrinkingCapped: 1 });
  });
});

describe('a diff.json in a report', () => {
  const target = readResultFolder(FIXTURE, 'emulator-check');
  const diff = DiffFileSchema.parse(JSON.parse(readFileSync(join(FIXTURE, 'diff.json'), 'utf8')));
  const files = renderReport({ generatedAt: '2026-12-07T12:00:00.000Z', toolVersion: 'test', targets: [target] });
  const html = files['index.html'];
  const md = files['report.md'];

  it('is read from the folder like the other result files', () => {
    expect(target.diffs.map((d) => d.file)).toEqual([join(FIXTURE, 'diff.json')]);
    expect(diff.divergences.map((d) => d.id)).toEqual(['d01-DescribeKey-members', 'd02-DisableKey-status']);
  });

  it('index.html: a row per divergence with operation, what differs, each side, steps, occurrences and replay scripts', () => {
    expect(html).toContain('<h3>Differential run: reference vs emulator</h3>');
    expect(html).toContain('<span class="badge failing">2 divergences</span> in 63 generated steps (14 sequences over 3 operations, seed 5');
    const sh = (id: string) => join(FIXTURE, 'divergences', `${id}.sh`);
    expect(html).toContain(
      `<tr><td class="l"><code>d01-DescribeKey-members</code></td><td class="l">DescribeKey</td><td class="l">members of KeyMetadata</td><td class="l"><code>has Description</code></td><td class="l"><code>-</code></td><td>2</td><td>16</td><td class="l"><code>${sh('d01-DescribeKey-members')}</code><br><code>${join(FIXTURE, 'divergences', 'd01-DescribeKey-members.test.ts')}</code></td></tr>`,
    );
    expect(html).toContain(
      `<tr><td class="l"><code>d02-DisableKey-status</code></td><td class="l">DisableKey</td><td class="l">status</td><td class="l"><code>200 ok</code></td><td class="l"><code>500 KMSInternalException</code></td><td>2</td><td>5</td><td class="l"><code>${sh('d02-DisableKey-status')}</code>`,
    );
  });

  it('the overview counts the divergences and marks the target failing', () => {
    expect(html).toMatch(/<td class="bad">2<\/td>\s*<td class="l"><span class="badge failing">failing<\/span><\/td>/);
  });

  it('report.md: the same table', () => {
    expect(md).toContain('### emulator-check: differential run reference vs emulator — ❌ 2 divergences');
    expect(md).toContain('| divergence | operation | what differs | a: reference | b: emulator | steps | seen | replay |');
    expect(md).toContain(`| \`d01-DescribeKey-members\` | DescribeKey | members of KeyMetadata | has Description | - | 2 | 16 | \`${join(FIXTURE, 'divergences', 'd01-DescribeKey-members.sh')}\` |`);
    expect(md).toContain(`| \`d02-DisableKey-status\` | DisableKey | status | 200 ok | 500 KMSInternalException | 2 | 5 | \`${join(FIXTURE, 'divergences', 'd02-DisableKey-status.sh')}\` |`);
    expect(md).toMatch(/\| emulator-check \|.*\| 2 \| ❌ failing \|/);
  });
});
