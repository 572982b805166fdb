import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportRules, findCircles, layerOf, readImportGraph } from './import-rules.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the import rules', () => {
  const graph = readImportGraph(ROOT);
  const { violations, circles } = checkImportRules(graph);

  it('reads the graph (sanity: the CLI imports the server)', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.some((e) => layerOf(e.from) === 'cli' && layerOf(e.to) === 'server')).toBe(true);
  });

  it('no arrow runs against the layers', () => {
    expect(violations.map((v) => `${v.from} -> ${v.to} (${v.rule})`)).toEqual([]);
  });

  it('no import circle', () => {
    expect(circles).toEqual([]);
  });
});

describe('the checker itself', () => {
  const edge = (from: string, to: string, typeOnly = false) => ({ from, to, typeOnly });

  it('flags the server reaching up, an engine importing suites, and a non-test importing a test file', () => {
    const { violations } = checkImportRules({
      files: [],
      edges: [
        edge('reference-impl/ops/kit.ts', 'harness/client/sign.ts'),
        edge('harness/conformance/runner.ts', 'suites/index.ts'),
        edge('reports/model.ts', 'test/reports/fixtures.ts'),
        edge('harness/load/x.ts', 'reference-impl/hsm/blob.ts'),
        edge('harness/target/embedded.ts', 'reference-impl/ops/keys.ts'),
      ],
    });
    expect(violations.map((v) => v.from)).toEqual([
      'reference-impl/ops/kit.ts',
      'harness/conformance/runner.ts',
      'reports/model.ts',
      'harness/load/x.ts',
      'harness/target/embedded.ts',
    ]);
  });

  it('lets the CLI import everything, the target reach the server entry, and engines share common/', () => {
    const { violations } = checkImportRules({
      files: [],
      edges: [
        edge('cli/run.ts', 'suites/index.ts'),
        edge('cli/run.ts', 'reference-impl/server.ts'),
        edge('harness/target/embedded.ts', 'reference-impl/server.ts'),
        edge('harness/plan/x.ts', 'common/quota/classes.ts'),
        edge('harness/conformance/runner.ts', 'harness/target/types.ts', true),
        edge('suites/conformance/a.ts', 'harness/conformance/case.ts'),
      ],
    });
    expect(violations).toEqual([]);
  });

  it('finds circles of any length', () => {
    expect(findCircles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(findCircles([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
  });
});
