/**
 * Case discovery: every module under suites/conformance/ is imported; its default export — one
 * case from `defineCase`, or an array of them — joins the suite. Modules without a default export
 * are support code (suites/conformance/_lib/). Works from the sources (vitest, tsx: `.ts`) and
 * from the compiled dist/ (`.js`); in dist/, a compiled module whose source no longer exists next
 * to it in the checkout is stale output and ignored.
 *
 * @module
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ConformanceCase, LoadedCase, LoadError } from '../harness/conformance/case.js';

export interface Discovery {
  cases: LoadedCase[];
  errors: LoadError[];
  /** Every module imported. */
  modules: string[];
}

const fromSource = import.meta.url.endsWith('.ts');
const EXT = fromSource ? '.ts' : '.js';

/** suites/conformance/ next to this module (sources or dist/). */
export const CONFORMANCE_DIR = fileURLToPath(new URL('./conformance/', import.meta.url));

/** The checkout's sources, when this module runs from dist/ inside one. */
const SOURCE_DIR = fromSource ? undefined : fileURLToPath(new URL('../../suites/conformance/', import.meta.url));

function listModules(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) walk(p);
      } else if (name.endsWith(EXT) && !name.endsWith(`.d${EXT}`) && !/\.(test|spec)\.[tj]s$/.test(name)) {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}

/** Is it shaped like a case (the lint checks the details)? */
function caseProblem(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return 'is not an object';
  const c = v as Record<string, unknown>;
  for (const k of ['id', 'title', 'doc'] as const) if (typeof c[k] !== 'string') return `has no string '${k}'`;
  for (const k of ['tags', 'ops'] as const) if (!Array.isArray(c[k])) return `has no array '${k}'`;
  if (typeof c.run !== 'function') return "has no 'run' function";
  return undefined;
}

export async function discoverCases(dir = CONFORMANCE_DIR): Promise<Discovery> {
  const cases: LoadedCase[] = [];
  const errors: LoadError[] = [];
  const modules: string[] = [];
  const seen = new Map<string, string>();
  for (const path of listModules(dir)) {
    const rel = relative(dir, path).split(sep).join('/');
    const file = fromSource ? rel : rel.replace(/\.js$/, '.ts');
    if (SOURCE_DIR && existsSync(SOURCE_DIR) && !existsSync(join(SOURCE_DIR, file))) continue; // stale dist/ output
    modules.push(file);
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
    } catch (e) {
      errors.push({ file, message: `does not load: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ') ?? String(e)}` });
      continue;
    }
    if (mod.default === undefined) continue; // support code
    const list = Array.isArray(mod.default) ? mod.default : [mod.default];
    list.forEach((c: unknown, i) => {
      const problem = caseProblem(c);
      if (problem) {
        errors.push({ file, message: `default export${list.length > 1 ? `[${i}]` : ''} ${problem}` });
        return;
      }
      const kase = c as ConformanceCase;
      const other = seen.get(kase.id);
      if (other !== undefined) {
        errors.push({ file, message: `case id '${kase.id}' is also used in ${other}` });
        return;
      }
      seen.set(kase.id, file);
      cases.push({ case: kase, file });
    });
  }
  return { cases, errors, modules };
}
