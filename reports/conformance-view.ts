/**
 * A conformance run (results.json) as the report shows it (pure): counts per tag, the failures
 * the expectation file does not list and those it does, skips by reason.
 *
 * @module
 */
import { EXIT_MEANINGS, type ExitCode } from '../common/exit-codes.js';
import type { CaseResult, Results } from '../harness/results/conformance-results.js';

export interface TagRow {
  tag: string;
  cases: number;
  pass: number;
  fail: number;
  error: number;
  skip: number;
  /** Failures, errors and skips the expectation file lists. */
  known: number;
  /** Outcomes that differ from the expectation file. */
  diff: number;
}

export interface FailureView {
  id: string;
  title: string;
  doc: string;
  tags: string[];
  outcome: CaseResult['outcome'];
  expected: CaseResult['expected'];
  /** The expectation file lists this outcome (a known failure). */
  known: boolean;
  reason?: string;
  expectationReason?: string;
  what?: string;
  expectedText?: string;
  actualText?: string;
  call?: NonNullable<NonNullable<CaseResult['failure']>['call']>;
  error?: { name: string; message: string };
}

export interface ConformanceView {
  file: string;
  endpoint: string;
  kind: Results['target']['kind'];
  region: string;
  account: string;
  faults: string[];
  startedAt: string;
  durationMs: number;
  exitCode: number;
  exitMeaning: string;
  expectations: Results['expectations'];
  counts: Results['counts'];
  capabilities: { clockControl: boolean; lowQuota: boolean; operations: number; supported: number; unsupported: string[] };
  tags: TagRow[];
  total: TagRow;
  /** Outcomes the expectation file does not list (these fail the run). */
  unexpected: FailureView[];
  /** Failures and errors the expectation file lists. */
  known: FailureView[];
  differences: Results['differences'];
  skipped: { reason: string; ids: string[] }[];
  loadErrors: Results['loadErrors'];
  harnessErrors: string[];
}

function tally(tag: string, cases: readonly CaseResult[]): TagRow {
  const row: TagRow = { tag, cases: cases.length, pass: 0, fail: 0, error: 0, skip: 0, known: 0, diff: 0 };
  for (const c of cases) {
    row[c.outcome]++;
    if (!c.asExpected) row.diff++;
    else if (c.outcome === 'fail' || c.outcome === 'error' || (c.outcome === 'skip' && c.expected === 'skip')) row.known++;
  }
  return row;
}

const json = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

function failureView(c: CaseResult): FailureView {
  return {
    id: c.id,
    title: c.title,
    doc: c.doc,
    tags: c.tags,
    outcome: c.outcome,
    expected: c.expected,
    known: c.asExpected,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.expectationReason ? { expectationReason: c.expectationReason } : {}),
    ...(c.failure ? { what: c.failure.what } : {}),
    ...(c.failure && 'expected' in c.failure ? { expectedText: json(c.failure.expected) } : {}),
    ...(c.failure && 'actual' in c.failure ? { actualText: json(c.failure.actual) } : {}),
    ...(c.failure?.call ? { call: c.failure.call } : {}),
    ...(c.error ? { error: { name: c.error.name, message: c.error.message } } : {}),
  };
}

export function conformanceView(file: string, r: Results): ConformanceView {
  const tags = [...new Set(r.cases.flatMap((c) => c.tags))].sort();
  const ops = Object.entries(r.capabilities.probes).filter(([k]) => k.startsWith('op:'));
  const established = new Set(r.capabilities.established);
  const skipped = new Map<string, string[]>();
  for (const c of r.cases.filter((x) => x.outcome === 'skip')) {
    const reason = c.reason ?? 'skipped';
    (skipped.get(reason) ?? skipped.set(reason, []).get(reason)!).push(c.id);
  }
  const failing = r.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error' || !c.asExpected);
  return {
    file,
    endpoint: r.target.endpoint,
    kind: r.target.kind,
    region: r.target.region,
    account: r.target.account,
    faults: r.target.faults,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    exitCode: r.exitCode,
    exitMeaning: EXIT_MEANINGS[r.exitCode as ExitCode] ?? '',
    expectations: r.expectations,
    counts: r.counts,
    capabilities: {
      clockControl: established.has('clock-control'),
      lowQuota: established.has('low-quota'),
      operations: ops.length,
      supported: ops.filter(([, p]) => p.supported).length,
      unsupported: ops.filter(([, p]) => !p.supported).map(([k]) => k.slice(3)),
    },
    tags: tags.map((t) => tally(t, r.cases.filter((c) => c.tags.includes(t)))),
    total: tally('all cases', r.cases),
    unexpected: failing.filter((c) => !c.asExpected).map(failureView),
    known: failing.filter((c) => c.asExpected).map(failureView),
    differences: r.differences,
    skipped: [...skipped.entries()].map(([reason, ids]) => ({ reason, ids })),
    loadErrors: r.loadErrors,
    harnessErrors: r.harnessErrors,
  };
}
