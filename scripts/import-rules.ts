/**
 * The project's layers and the imports each may make, checked against the code.
 *
 * ```
 * cli (cli/), scripts                may import anything below
 * suites                              engines' case/suite API, client, results, common
 * engines (harness/conformance, load, plan, gate, diff, k6), reports, target
 * server (reference-impl), client (harness/client), results (harness/results)
 * common                              the generated model, quota facts, numeric and duration helpers, exit codes
 * ```
 *
 * Tests (`*.test.ts`, `test/`) may import anything; nothing but tests imports a test file. The
 * target layer (harness/target) is the one place besides the CLI that starts the embedded server,
 * and it reaches the server only through `reference-impl/server.ts`. {@link readImportGraph} reads
 * the static and dynamic relative imports of every TypeScript file; {@link checkImportRules} lists
 * every arrow against the rules and every circle.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export type Layer =
  | 'common'
  | 'server'
  | 'client'
  | 'results'
  | 'target'
  | `engine:${Engine}`
  | 'reports'
  | 'suites'
  | 'cli'
  | 'scripts'
  | 'test'
  | 'other';

export const ENGINES = ['conformance', 'load', 'plan', 'gate', 'diff', 'k6'] as const;
export type Engine = (typeof ENGINES)[number];

/** Which engines an engine may build on (never in a circle). */
export const ENGINE_DEPENDENCIES: Readonly<Record<Engine, readonly Engine[]>> = {
  conformance: [],
  load: [],
  plan: ['load'],
  gate: [],
  diff: ['conformance'],
  k6: ['load', 'plan'],
};

/** The only server file that a layer other than the server (and the CLI) may import. */
export const SERVER_ENTRY = 'reference-impl/server.ts';

const SOURCE_ROOTS = ['common', 'reference-impl', 'harness', 'cli', 'suites', 'reports', 'scripts', 'test', 'bin'];

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

export function isTestFile(path: string): boolean {
  return path.startsWith('test/') || /\.test\.ts$/.test(path);
}

export function layerOf(path: string): Layer {
  if (path.startsWith('test/')) return 'test';
  if (path.startsWith('common/')) return 'common';
  if (path.startsWith('reference-impl/')) return 'server';
  if (path.startsWith('cli/')) return 'cli';
  if (path.startsWith('reports/')) return 'reports';
  if (path.startsWith('suites/')) return 'suites';
  if (path.startsWith('scripts/') || path.startsWith('bin/')) return 'scripts';
  const m = /^harness\/([^/]+)\//.exec(path);
  if (m) {
    const folder = m[1]!;
    if (folder === 'client' || folder === 'results' || folder === 'target') return folder;
    if ((ENGINES as readonly string[]).includes(folder)) return `engine:${folder as Engine}`;
  }
  return 'other';
}

/** The layers `from` may import (besides itself), as the module header draws them. */
function mayImport(from: Layer, to: Layer, toPath: string, typeOnly: boolean): boolean {
  if (from === to) return true;
  if (to === 'common') return from !== 'other';
  switch (from) {
    case 'common':
    case 'client':
    case 'results':
      return false;
    case 'server':
      return false;
    case 'target':
      return to === 'client' || to === 'results' || (to === 'server' && toPath === SERVER_ENTRY);
    case 'reports':
      return to === 'results';
    case 'suites':
      return to === 'client' || to === 'results' || to.startsWith('engine:') || (to === 'target' && typeOnly);
    case 'cli':
    case 'scripts':
      return to !== 'test' && to !== 'other' && !(from === 'cli' && to === 'scripts');
    default: {
      if (from.startsWith('engine:')) {
        if (to === 'client' || to === 'results') return true;
        if (to === 'target') return typeOnly;
        if (to.startsWith('engine:')) {
          const engine = from.slice('engine:'.length) as Engine;
          return ENGINE_DEPENDENCIES[engine].includes(to.slice('engine:'.length) as Engine);
        }
      }
      return false;
    }
  }
}

function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      const p = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const r of SOURCE_ROOTS) walk(r);
  return out.sort();
}

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every relative import of every source file under the project's source folders. */
export function readImportGraph(root: string): { files: string[]; edges: ImportEdge[] } {
  const files = listSources(root);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[3] ?? m[4]!;
      const abs = resolve(root, dirname(file), spec);
      let to = relative(root, abs).split('\\').join('/');
      if (to.endsWith('.js') && known.has(to.replace(/\.js$/, '.ts'))) to = to.replace(/\.js$/, '.ts');
      if (!known.has(to)) continue;
      edges.push({ from: file, to, typeOnly: m[2] !== undefined });
    }
  }
  return { files, edges };
}

export interface RuleViolation {
  from: string;
  to: string;
  rule: string;
}

/** Arrows against the layer rules, and import circles among non-test files. */
export function checkImportRules(graph: { files: string[]; edges: ImportEdge[] }): { violations: RuleViolation[]; circles: string[][] } {
  const violations: RuleViolation[] = [];
  for (const e of graph.edges) {
    if (isTestFile(e.from)) continue;
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (isTestFile(e.to)) violations.push({ ...e, rule: 'only tests import test files' });
    else if (!mayImport(from, to, e.to, e.typeOnly)) violations.push({ ...e, rule: `${from} may not import ${to}` });
  }
  return { violations, circles: findCircles(graph.edges.filter((e) => !isTestFile(e.from) && !isTestFile(e.to))) };
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan. */
export function findCircles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    next.get(e.from)!.push(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return circles;
}
