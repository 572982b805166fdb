/**
 * Expectation files: per target, the cases known not to pass there and why (like undici's WPT
 * expectations). A run is judged against one: any difference — a new failure, a case that now
 * passes, another outcome than listed — makes the run exit 1. Entries naming no case are reported.
 *
 * ```json
 * { "target": "moto 5 (python3 -m moto.server)",
 *   "cases": { "keys.cancel-deletion.state": { "expect": "fail", "reason": "moto re-enables the key" } } }
 * ```
 *
 * @module
 */
import { readTextFile } from '../../common/read-text.js';
import { z } from 'zod';
import { CONTRACT_VERSION, EXPECTED, type Expected, type Outcome, type SourceKind } from '../results/conformance-contract.js';

export const ExpectationEntrySchema = z
  .object({
    /** `fail`/`blocked`/`unsupported`/`error`: the case must come out so; `skip`: do not run it here; `flaky`: pass or fail. */
    expect: z.enum(EXPECTED).exclude(['pass']),
    /** Why this target differs from AWS (or why the case cannot run there). */
    reason: z.string().min(1),
  })
  .strict();

export const ExpectationFileSchema = z
  .object({
    $schema: z.string().optional(),
    /** Which endpoint this file describes. */
    target: z.string().min(1),
    notes: z.string().optional(),
    cases: z.record(z.string(), ExpectationEntrySchema),
  })
  .strict()
  .meta({
    title: 'kmsbench conformance expectation file',
    description: `Cases known not to pass on one target, with reasons (runner contract ${CONTRACT_VERSION}, suites/README.md)`,
  });

export type ExpectationEntry = z.infer<typeof ExpectationEntrySchema>;
export type ExpectationFile = z.infer<typeof ExpectationFileSchema>;

export const NO_EXPECTATIONS: ExpectationFile = { target: '(no expectation file: every case must pass or be skipped)', cases: {} };

export class ExpectationFileError extends Error {
  override readonly name = 'ExpectationFileError';
}

export function parseExpectations(text: string, source = 'expectation file'): ExpectationFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ExpectationFileError(`${source}: not JSON (${(e as Error).message})`);
  }
  const parsed = ExpectationFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new ExpectationFileError(`${source}: ${issues}`);
  }
  return parsed.data;
}

export function loadExpectations(path: string): ExpectationFile {
  return parseExpectations(readTextFile(path, (m) => new ExpectationFileError(m)), path);
}

/**
 * Whether an outcome is what the expectation allows. A skip is fine for a case expected to pass
 * (the run lacked something on purpose); `blocked` and `unsupported` are not: they say the
 * endpoint could not be judged, which an expectation file must state.
 */
export function asExpected(expected: Expected, actual: Outcome): boolean {
  switch (expected) {
    case 'pass':
      return actual === 'pass' || actual === 'skip';
    case 'flaky':
      return actual === 'pass' || actual === 'fail';
    default:
      return actual === expected;
  }
}

export interface Difference {
  id: string;
  expected: Expected;
  actual: Outcome;
  /** What to do about it, in a few words. */
  message: string;
  /** The kind of evidence behind the case's expectation (inferred differences are not headline failures). */
  sourceKind?: SourceKind;
}

/** What `compare` and `updateExpectations` need of a case result. */
export interface OutcomeOf {
  id: string;
  outcome: Outcome;
  reason?: string;
  source?: { kind: SourceKind };
}

/** The differences between a run's outcomes and the expectations. */
export function compare(outcomes: ReadonlyArray<OutcomeOf>, expectations: ExpectationFile): Difference[] {
  const out: Difference[] = [];
  for (const r of outcomes) {
    const entry = expectations.cases[r.id];
    const expected = (entry?.expect ?? 'pass') as Expected;
    if (asExpected(expected, r.outcome)) continue;
    let message: string;
    if (expected === 'pass') message = `new ${r.outcome}: ${r.reason ?? ''}`.trim();
    else if (r.outcome === 'pass') message = `now passes: remove it from the expectation file (listed because: ${entry!.reason})`;
    else message = `expected ${expected} (${entry!.reason}), got ${r.outcome}${r.reason ? `: ${r.reason}` : ''}`;
    out.push({ id: r.id, expected, actual: r.outcome, message, ...(r.source ? { sourceKind: r.source.kind } : {}) });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Entries naming no case of the suite (renamed, removed, or not in this checkout yet). Reported,
 * but not a difference: they say nothing about the endpoint. `--update-expectations` drops them.
 */
export function staleEntries(expectations: ExpectationFile, allCaseIds: ReadonlySet<string>): string[] {
  return Object.keys(expectations.cases)
    .filter((id) => !allCaseIds.has(id))
    .sort();
}

/** The reason a newly listed case gets until someone writes the real one (the schema test refuses it). */
export const REASON_TODO = 'TODO: say how this target differs from AWS';

export interface ExpectationUpdate {
  file: ExpectationFile;
  /** Newly listed (their reason is REASON_TODO + the verdict). */
  added: string[];
  /** Listed before, now passing (or gone from the suite). */
  removed: string[];
  /** Listed with another outcome before. */
  changed: string[];
}

/**
 * The expectation file that would make this run come out as expected: cases that did not pass
 * are listed (existing reasons kept), cases that passed and ids that name no case are dropped.
 * Only the cases that ran are touched; entries of unselected cases stay.
 */
export function updateExpectations(
  file: ExpectationFile,
  outcomes: ReadonlyArray<OutcomeOf>,
  allCaseIds: ReadonlySet<string>,
): ExpectationUpdate {
  const cases: Record<string, ExpectationEntry> = {};
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  const ran = new Map(outcomes.map((o) => [o.id, o]));
  for (const [id, entry] of Object.entries(file.cases)) {
    if (!allCaseIds.has(id)) removed.push(id);
    else if (!ran.has(id)) cases[id] = entry;
  }
  for (const o of outcomes) {
    const entry = file.cases[o.id];
    if (o.outcome === 'pass' || (o.outcome === 'skip' && entry?.expect !== 'skip')) {
      if (entry && !(entry.expect === 'flaky' && o.outcome === 'pass')) removed.push(o.id);
      else if (entry) cases[o.id] = entry;
      continue;
    }
    if (!entry) {
      added.push(o.id);
      cases[o.id] = { expect: o.outcome as Exclude<Expected, 'pass'>, reason: `${REASON_TODO} (verdict: ${o.reason ?? o.outcome})` };
    } else if (entry.expect === 'flaky' && o.outcome === 'fail') {
      cases[o.id] = entry;
    } else {
      if (entry.expect !== o.outcome) changed.push(o.id);
      cases[o.id] = { ...entry, expect: o.outcome as Exclude<Expected, 'pass'> };
    }
  }
  const sorted = Object.fromEntries(Object.entries(cases).sort(([a], [b]) => a.localeCompare(b)));
  return { file: { ...file, cases: sorted }, added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}
