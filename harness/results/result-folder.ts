/**
 * Result folders on disk: every `results.json` (conformance), `load.json` (load), `plan.json` (a
 * capacity plan, `kmsbench plan --json --out plan.json`), `diff.json` (`kmsbench diff`) and
 * baseline file found in a directory or up to three levels below it, each validated against its schema; and writing result files.
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { BaselineFileSchema, type BaselineFile } from './baseline-file.js';
import { ResultsSchema, type Results } from './conformance-results.js';
import { DiffFileSchema, type DiffFile } from './diff-results.js';
import { LoadResultsSchema, type LoadResults } from './load-results.js';
import { PlanFileSchema, type PlanFile } from './plan-results.js';

/** A result file that is missing, not JSON, or not valid against its schema. */
export class ResultFileError extends Error {
  override readonly name = 'ResultFileError';
}

/** One target's results: everything found under one directory. */
export interface ResultFolder {
  /** How a report names the target (the directory's name unless given). */
  label: string;
  /** Where its files came from. */
  source: string;
  conformance: { file: string; results: Results }[];
  load: { file: string; results: LoadResults }[];
  plans: { file: string; plan: PlanFile }[];
  /** Differential runs (`kmsbench diff`); their replay scripts are beside each file. */
  diffs: { file: string; diff: DiffFile }[];
}

/** Files named `name` under `dir`, at most `depth` levels down, in path order. */
export function findNamed(dir: string, name: string, depth = 3): string[] {
  const out: string[] = [];
  const walk = (d: string, level: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isFile() && e.name === name) out.push(p);
      else if (e.isDirectory() && level < depth && !e.name.startsWith('.') && e.name !== 'node_modules') walk(p, level + 1);
    }
  };
  walk(dir, 0);
  return out;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ResultFileError(`${file}: not JSON (${(e as Error).message})`);
  }
}

/** `doc` validated against `schema`; the first three problems, with their paths, otherwise. */
function validate<S extends z.ZodType>(file: string, what: string, schema: S, doc: unknown): z.output<S> {
  const r = schema.safeParse(doc);
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw new ResultFileError(`${file}: not a valid ${what}: ${issues}`);
  }
  return r.data;
}

/** A name for a directory of results: its own name. */
export function defaultLabel(dir: string): string {
  const abs = resolve(dir);
  const name = basename(abs);
  return name || abs;
}

/** One target's results: everything under `dir`. */
export function readResultFolder(dir: string, label = defaultLabel(dir)): ResultFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ResultFileError(`${dir}: not a directory`);
  const conformance = findNamed(dir, 'results.json').map((file) => ({ file, results: validate(file, 'conformance results.json', ResultsSchema, readJson(file)) }));
  const load = findNamed(dir, 'load.json').map((file) => ({ file, results: validate(file, 'load.json', LoadResultsSchema, readJson(file)) }));
  const plans = findNamed(dir, 'plan.json').map((file) => ({ file, plan: validate(file, 'plan.json (kmsbench plan --json)', PlanFileSchema, readJson(file)) }));
  const diffs = findNamed(dir, 'diff.json').map((file) => ({ file, diff: validate(file, 'diff.json (kmsbench diff)', DiffFileSchema, readJson(file)) }));
  if (conformance.length + load.length + plans.length + diffs.length === 0) {
    throw new ResultFileError(`${dir}: no results.json, load.json, plan.json or diff.json here or three levels below`);
  }
  load.sort((a, b) => a.results.startedAt.localeCompare(b.results.startedAt));
  return { label, source: dir, conformance, load, plans, diffs };
}

/** What a load run file holds: one load run, or a baseline file's runs. */
export type RunFile = { kind: 'load'; file: string; results: LoadResults } | { kind: 'baseline'; file: string; baseline: BaselineFile };

/** The load runs at `path`: a load.json, a baseline file, or a directory of load.json files. */
export function readRunFiles(path: string): RunFile[] {
  if (!existsSync(path)) throw new ResultFileError(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) {
    const files = findNamed(path, 'load.json');
    if (files.length === 0) throw new ResultFileError(`${path}: no load.json in this directory (or three levels below)`);
    return files.flatMap((f) => readRunFiles(f));
  }
  const doc = readJson(path);
  const kind = (doc as { kind?: unknown } | null)?.kind;
  if (kind === 'kmsbench-baseline') return [{ kind: 'baseline', file: path, baseline: validate(path, 'baseline file', BaselineFileSchema, doc) }];
  if (kind === 'kmsbench-load') return [{ kind: 'load', file: path, results: validate(path, 'load.json', LoadResultsSchema, doc) }];
  throw new ResultFileError(`${path}: neither a load.json (kind kmsbench-load) nor a baseline file (kind kmsbench-baseline)`);
}

/** Writes `doc` as indented JSON (creating the directory). */
export function writeJsonFile(path: string, doc: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

/** Writes every file into `dir`; returns the absolute path of each. */
export function writeFiles<K extends string>(dir: string, files: Record<K, string>): Record<K, string> {
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<K, string>;
  for (const [name, content] of Object.entries(files) as [K, string][]) {
    const path = resolve(join(dir, name));
    writeFileSync(path, content);
    out[name] = path;
  }
  return out;
}
