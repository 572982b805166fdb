/**
 * Reading result directories for a report: every `results.json` (conformance), `load.json`
 * (load) and `plan.json` (a capacity plan, `kmsbench plan --json --out plan.json`) found in a
 * directory or up to three levels below it, each validated against its schema.
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ResultsSchema } from '../harness/conformance/results.js';
import { findNamed } from '../harness/gate/files.js';
import { LoadResultsSchema } from '../harness/load/schema.js';
import type { TargetInput } from './model.js';
import { PlanFileSchema } from './plan-schema.js';

export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReportInputError(`${file}: not JSON (${(e as Error).message})`);
  }
}

function validate<T>(file: string, what: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
  const r = schema.safeParse(parseJson(file));
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw new ReportInputError(`${file}: not a valid ${what}: ${issues}`);
  }
  return r.data;
}

/** A name for a directory of results: its own name, or its parent's when it is called `latest` or the like. */
export function defaultLabel(dir: string): string {
  const abs = resolve(dir);
  const name = basename(abs);
  return name || abs;
}

/** One target's results: everything under `dir`. */
export function readResultDir(dir: string, label = defaultLabel(dir)): TargetInput {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportInputError(`${dir}: not a directory`);
  const conformance = findNamed(dir, 'results.json').map((file) => ({ file, results: validate(file, 'conformance results.json', ResultsSchema) }));
  const load = findNamed(dir, 'load.json').map((file) => ({ file, results: validate(file, 'load.json', LoadResultsSchema) }));
  const plans = findNamed(dir, 'plan.json').map((file) => ({ file, plan: validate(file, 'plan.json (kmsbench plan --json)', PlanFileSchema) }));
  if (conformance.length + load.length + plans.length === 0) {
    throw new ReportInputError(`${dir}: no results.json, load.json or plan.json here or three levels below`);
  }
  load.sort((a, b) => a.results.startedAt.localeCompare(b.results.startedAt));
  return { label, source: dir, conformance, load, plans };
}
