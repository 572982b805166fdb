/**
 * Counting a conformance run's outcomes (pure), for the summary printed after a run
 * (harness/conformance/summary.ts) and the report (reports/conformance-view.ts): a row per tag,
 * and the failures split by the kind of evidence behind the failing case, so a failure on an
 * inferred expectation is never presented as the same thing as one on recorded or documented
 * AWS behaviour.
 *
 * @module
 */
import { OUTCOMES, type Outcome } from './conformance-contract.js';
import type { CaseResult, Results } from './conformance-results.js';

export type OutcomeRow = { label: string; cases: number; known: number; diff: number } & Record<Outcome, number>;

/** Outcomes in the order tables show them. */
export const OUTCOME_COLUMNS: readonly Outcome[] = ['pass', 'fail', 'blocked', 'unsupported', 'error', 'skip'];

/** Whether an as-expected outcome is one the expectation file had to list (a "known" non-pass). */
export const isKnown = (c: Pick<CaseResult, 'outcome' | 'expected' | 'asExpected'>): boolean =>
  c.asExpected && c.outcome !== 'pass' && (c.outcome !== 'skip' || c.expected === 'skip');

export function tallyOutcomes(label: string, cases: readonly CaseResult[]): OutcomeRow {
  const row = { label, cases: cases.length, known: 0, diff: 0, ...Object.fromEntries(OUTCOMES.map((o) => [o, 0])) } as OutcomeRow;
  for (const c of cases) {
    row[c.outcome]++;
    if (!c.asExpected) row.diff++;
    else if (isKnown(c)) row.known++;
  }
  return row;
}

/** One row per tag (sorted), then the total. */
export function tallyByTag(cases: readonly CaseResult[]): { tags: OutcomeRow[]; total: OutcomeRow } {
  const tags = [...new Set(cases.flatMap((c) => c.tags))].sort();
  return { tags: tags.map((t) => tallyOutcomes(t, cases.filter((c) => c.tags.includes(t)))), total: tallyOutcomes('all cases', cases) };
}

/** Whether a case's expectation rests on captured or documented AWS behaviour (a contract 1.x result without a source counts as such). */
export const establishedEvidence = (c: { source?: { kind: string } | undefined }): boolean => c.source?.kind !== 'inferred';

export interface EvidenceSplit<T> {
  /** On recorded or documented AWS behaviour. */
  established: T[];
  /** On inferred behaviour: the expectation was reasoned, never captured. */
  inferred: T[];
}

export function splitByEvidence<T extends { source?: { kind: string } | undefined }>(items: readonly T[]): EvidenceSplit<T> {
  return { established: items.filter(establishedEvidence), inferred: items.filter((x) => !establishedEvidence(x)) };
}

/** A run's fail count split by evidence (contract 1.x results have no split: all count as established). */
export function failSplit(counts: { fail: number; failBySource?: { inferred: number } | undefined }): { established: number; inferred: number } {
  const inferred = counts.failBySource?.inferred ?? 0;
  return { established: counts.fail - inferred, inferred };
}

/** The `counts` of results.json: per outcome, as expected, and fail outcomes by the kind of evidence. */
export function outcomeCounts(cases: readonly CaseResult[]): Results['counts'] {
  const count = (o: string) => cases.filter((c) => c.outcome === o).length;
  const failOn = (kind: string) => cases.filter((c) => c.outcome === 'fail' && c.source?.kind === kind).length;
  return {
    total: cases.length,
    pass: count('pass'),
    fail: count('fail'),
    error: count('error'),
    skip: count('skip'),
    blocked: count('blocked'),
    unsupported: count('unsupported'),
    asExpected: cases.filter((c) => c.asExpected).length,
    failBySource: { recorded: failOn('recorded'), documented: failOn('documented'), inferred: failOn('inferred') },
  };
}
