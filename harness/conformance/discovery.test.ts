/** Case discovery (suites/index.ts) over a fixture tree, and over the real suite. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverCases } from '../../suites/index.js';

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-discovery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kase = (id: string) =>
  `{ id: '${id}', title: 't', doc: 'https://docs.aws.amazon.com/kms/', tags: ['semantics'], ops: ['DescribeKey'], async run() {} }`;

function write(rel: string, text: string) {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

write('a/one.ts', `export default ${kase('a.one')};`);
write('a/many.ts', `export default [${kase('a.two')}, ${kase('a.three')}];`);
write('a/_support.ts', `export const helper = 1;`);
write('_lib/util.ts', `export function util() { return 2; }`);
write('b/dup.ts', `export default ${kase('a.one')};`);
write('b/broken.ts', `throw new Error('boom at import');`);
write('b/not-a-case.ts', `export default { id: 'b.x' };`);
write('b/skip.test.ts', `export default ${kase('b.test')};`);
write('b/types.d.ts', `export type X = 1;`);

describe('discoverCases', () => {
  it('imports every module: default exports are cases, others support code; problems are reported, not thrown', async () => {
    const d = await discoverCases(dir);
    expect(d.cases.map((c) => [c.case.id, c.file])).toEqual([
      ['a.two', 'a/many.ts'],
      ['a.three', 'a/many.ts'],
      ['a.one', 'a/one.ts'],
    ]);
    expect(d.modules).toEqual(['_lib/util.ts', 'a/_support.ts', 'a/many.ts', 'a/one.ts', 'b/broken.ts', 'b/dup.ts', 'b/not-a-case.ts']);
    expect(d.errors).toEqual([
      { file: 'b/broken.ts', message: expect.stringContaining('does not load: Error: boom at import') },
      { file: 'b/dup.ts', message: "case id 'a.one' is also used in a/one.ts" },
      { file: 'b/not-a-case.ts', message: "default export has no string 'title'" },
    ]);
  });

  it('finds the real suite without errors', async () => {
    const d = await discoverCases();
    expect(d.errors).toEqual([]);
    expect(d.cases.length).toBeGreaterThan(0);
  });
});
