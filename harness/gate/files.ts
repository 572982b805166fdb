/**
 * Reading and writing what the gate compares: load.json files, directories holding them
 * (searched a few levels deep, e.g. reports/latest), and baseline files.
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LoadResultsSchema } from '../load/schema.js';
import { baselineRun, BaselineFileSchema, type BaselineFile, type BaselineRun } from './baseline.js';

export class GateInputError extends Error {
  override readonly name = 'GateInputError';
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

const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
    .join('; ');

/** The runs in a load.json, a baseline file, or a directory of load.json files. */
export function readRuns(path: string): BaselineRun[] {
  if (!existsSync(path)) throw new GateInputError(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) {
    const files = findNamed(path, 'load.json');
    if (files.length === 0) throw new GateInputError(`${path}: no load.json in this directory (or three levels below)`);
    return files.flatMap((f) => readRuns(f));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new GateInputError(`${path}: not JSON (${(e as Error).message})`);
  }
  const kind = (doc as { kind?: unknown } | null)?.kind;
  if (kind === 'kmsbench-baseline') {
    const parsed = BaselineFileSchema.safeParse(doc);
    if (!parsed.success) throw new GateInputError(`${path}: not a valid baseline file: ${issues(parsed.error)}`);
    return parsed.data.runs;
  }
  if (kind === 'kmsbench-load') {
    const parsed = LoadResultsSchema.safeParse(doc);
    if (!parsed.success) throw new GateInputError(`${path}: not a valid load.json: ${issues(parsed.error)}`);
    return [baselineRun(parsed.data, path)];
  }
  throw new GateInputError(`${path}: neither a load.json (kind kmsbench-load) nor a baseline file (kind kmsbench-baseline)`);
}

export function writeBaseline(path: string, file: BaselineFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
