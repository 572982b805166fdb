/**
 * A conformance run (results.json) as the report shows it (pure): counts per tag, the failures
 * the expectation file does not list and those it does — each with its source (kind, cite,
 * verifiedAt) —, the differences on recorded or documented behaviour apart from those on inferred
 * behaviour, blocked cases by the step that blocked them, unsupported operations and skips by
 * reason, and the AWS profile (`--aws-as-of`) that judged the run.
 *
 * @module
 */
import { EXIT_MEANINGS, type ExitCode } from '../common/exit-codes.js';
import type { CaseResult, Results } from '../harness/results/conformance-results.js';
import { splitByEvidence, tallyByTag, type OutcomeRow } from '../harness/results/conformance-tally.js';

/** Outcomes per tag; `known`: non-passes the expectation file lists; `diff`: outcomes that differ from it. */
export type TagRow = OutcomeRow & { tag: string };

export interface FailureView {
  id: string;
  title: string;
  doc: string;
  tags: string[];
  outcome: CaseResult['outcome'];
  expected: CaseResult['expected'];
  /** Where the case's expectation comes from (absent in contract 1.x results). */
  source?: NonNullable<CaseResult['source']>;
  /** For blocked: the step that failed, and the case whose subject it is. */
  blocked?: NonNullable<CaseResult['blocked']>;
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
  /** The AWS behaviour the run was judged by (absent in contract 1.x results). */
  awsAsOf?: string;
  /** Differences on recorded or documented AWS behaviour: the headline. */
  establishedDifferences: number;
  /** Differences on inferred behaviour: never the only evidence of a failing headline. */
  inferredDifferences: number;
  capabilities: { clockControl: boolean; lowQuota: boolean; operations: number; supported: number; unsupported: string[] };
  tags: TagRow[];
  total: TagRow;
  /** Outcomes the expectation file does not list (these fail the run). */
  unexpected: FailureView[];
  /** Failures, blocked, unsupported and errors the expectation file lists. */
  known: FailureView[];
  differences: Results['differences'];
  /** Blocked cases by the prerequisite step that failed. */
  blockedBy: { step: string; coveredBy?: string; ids: string[] }[];
  unsupported: { reason: string; ids: string[] }[];
  skipped: { reason: string; ids: string[] }[];
  loadErrors: Results['loadErrors'];
  harnessErrors: string[];
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
    ...(c.source ? { source: c.source } : {}),
    ...(c.blocked ? { blocked: c.blocked } : {}),
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

function byReason(cases: readonly CaseResult[]): { reason: string; ids: string[] }[] {
  const m = new Map<string, string[]>();
  for (const c of cases) {
    const reason = c.reason ?? c.outcome;
    (m.get(reason) ?? m.set(reason, []).get(reason)!).push(c.id);
  }
  return [...m.entries()].map(([reason, ids]) => ({ reason, ids }));
}

function blockedBy(cases: readonly CaseResult[]): ConformanceView['blockedBy'] {
  const m = new Map<string, ConformanceView['blockedBy'][number]>();
  for (const c of cases) {
    const step = c.blocked?.step ?? c.reason ?? 'blocked';
    const row = m.get(step) ?? m.set(step, { step, ...(c.blocked?.coveredBy ? { coveredBy: c.blocked.coveredBy } : {}), ids: [] }).get(step)!;
    row.ids.push(c.id);
  }
  return [...m.values()];
}

export function conformanceView(file: string, r: Results): ConformanceView {
  const ops = Object.entries(r.capabilities.probes).filter(([k]) => k.startsWith('op:'));
  const established = new Set(r.capabilities.established);
  const failing = r.cases.filter((c) => (c.outcome !== 'pass' && c.outcome !== 'skip') || !c.asExpected);
  const sourceOf = new Map(r.cases.map((c) => [c.id, c.source]));
  const evidence = splitByEvidence(r.differences.map((d) => ({ source: d.sourceKind ? { kind: d.sourceKind } : sourceOf.get(d.id) })));
  const { tags, total } = tallyByTag(r.cases);
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
    ...(r.profile ? { awsAsOf: r.profile.awsAsOf } : {}),
    establishedDifferences: evidence.established.length,
    inferredDifferences: evidence.inferred.length,
    capabilities: {
      clockControl: established.has('clock-control'),
      lowQuota: established.has('low-quota'),
      operations: ops.length,
      supported: ops.filter(([, p]) => p.supported).length,
      unsupported: ops.filter(([, p]) => !p.supported).map(([k]) => k.slice(3)),
    },
    tags: tags.map((t) => ({ ...t, tag: t.label })),
    total: { ...total, tag: total.label },
    unexpected: failing.filter((c) => !c.asExpected).map(failureView),
    known: failing.filter((c) => c.asExpected).map(failureView),
    differences: r.differences,
    blockedBy: blockedBy(r.cases.filter((c) => c.outcome === 'blocked')),
    unsupported: byReason(r.cases.filter((c) => c.outcome === 'unsupported')),
    skipped: byReason(r.cases.filter((c) => c.outcome === 'skip')),
    loadErrors: r.loadErrors,
    harnessErrors: r.harnessErrors,
  };
}
