/**
 * `junit.xml` as data: a JUnit report is built once as {@link JunitReport} and serialised by
 * {@link junitText}; the counts of every suite and of the whole report follow from its cases.
 *
 * A conformance run maps to one `<testsuite>` per area (the case id's first segment), one
 * `<testcase>` per case, like pytest's xfail: what CI gates on is the difference from the
 * expectation file. A `fail`, `blocked` or `unsupported` outcome the file lists is `<skipped>`
 * with "expected <outcome>: <reason>"; one it does not list is a `<failure>` whose `type` is the
 * outcome (so a blocked or unsupported case turns a build red like a failing one, and says which
 * it is); an unexpected `error` is an `<error>`; a listed case that passes, or is skipped, is a
 * `<failure>`. Every test case carries its outcome and its source (kind, cite, verifiedAt, since)
 * as properties; case modules that did not load are errors of a `conformance.load` suite. The
 * report (reports/report-junit.ts) adds its own suites.
 *
 * @module
 */
import type { CaseResult, Results } from './conformance-results.js';

/** What became of a test case, when not plainly passed. */
export type JunitResult =
  | { kind: 'failure' | 'error'; message: string; type: string; detail?: string }
  | { kind: 'skipped'; message: string; detail?: string }
  | { kind: 'system-out'; text: string };

export interface JunitCase {
  classname: string;
  name: string;
  /** Not given: a case that is not timed (`time="0"`). */
  durationMs?: number;
  properties?: { name: string; value: string | number | boolean }[];
  result?: JunitResult;
}

export interface JunitSuite {
  name: string;
  durationMs?: number;
  timestamp?: string;
  cases: JunitCase[];
}

export interface JunitReport {
  name: string;
  durationMs: number;
  suites: JunitSuite[];
}

export interface JunitCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

const esc = (s: string): string =>
  s
    // XML 1.0 cannot carry most control characters at all, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const time = (ms: number | undefined) => (ms === undefined ? '0' : (ms / 1000).toFixed(3));

/** Counts of a set of cases: failures, errors and skips by their results. */
export function junitCounts(cases: readonly JunitCase[]): JunitCounts {
  const kind = (k: JunitResult['kind']) => cases.filter((c) => c.result?.kind === k).length;
  return { tests: cases.length, failures: kind('failure'), errors: kind('error'), skipped: kind('skipped') };
}

function resultText(r: JunitResult): string {
  if (r.kind === 'system-out') return `<system-out>${esc(r.text)}</system-out>`;
  const attrs = `message="${esc(r.message)}"${r.kind === 'skipped' ? '' : ` type="${esc(r.type)}"`}`;
  return r.detail === undefined ? `<${r.kind} ${attrs}/>` : `<${r.kind} ${attrs}>${esc(r.detail)}</${r.kind}>`;
}

function caseText(c: JunitCase): string {
  const lines = [`    <testcase classname="${esc(c.classname)}" name="${esc(c.name)}" time="${time(c.durationMs)}">`];
  if (c.properties?.length) lines.push(`      <properties>${c.properties.map((p) => `<property name="${esc(p.name)}" value="${esc(String(p.value))}"/>`).join('')}</properties>`);
  if (c.result) lines.push(`      ${resultText(c.result)}`);
  lines.push('    </testcase>');
  return lines.join('\n');
}

function suiteText(s: JunitSuite): string {
  const n = junitCounts(s.cases);
  const timestamp = s.timestamp !== undefined ? ` timestamp="${esc(s.timestamp)}"` : '';
  return [
    `  <testsuite name="${esc(s.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}" time="${time(s.durationMs)}"${timestamp}>`,
    ...s.cases.map(caseText),
    '  </testsuite>',
  ].join('\n');
}

/** The XML text of a report. */
export function junitText(report: JunitReport): string {
  const n = junitCounts(report.suites.flatMap((s) => s.cases));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(report.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}" time="${time(report.durationMs)}">`,
    ...report.suites.map(suiteText),
    '</testsuites>',
    '',
  ].join('\n');
}

// ───────────────────────────── conformance ─────────────────────────────

function detail(c: CaseResult): string {
  const lines: string[] = [];
  if (c.reason) lines.push(c.reason);
  if (c.blocked?.coveredBy) lines.push(`the blocking step is the subject of ${c.blocked.coveredBy}`);
  if (c.failure) lines.push('', JSON.stringify(c.failure, null, 2));
  if (c.error?.stack) lines.push('', c.error.stack);
  lines.push('', `doc: ${c.doc}`);
  if (c.source) lines.push(`source: ${sourceText(c.source)}`);
  return lines.join('\n');
}

/** A case's source in one line: `documented: <cite> (verified 2026-12-07; AWS since 2024-04-12)`. */
export function sourceText(s: NonNullable<CaseResult['source']>): string {
  return `${s.kind}: ${s.cite} (verified ${s.verifiedAt}${s.since ? `; AWS since ${s.since}` : ''})`;
}

function sourceProperties(c: CaseResult): { name: string; value: string }[] {
  if (!c.source) return [];
  return [
    { name: 'source.kind', value: c.source.kind },
    { name: 'source.cite', value: c.source.cite },
    { name: 'source.verifiedAt', value: c.source.verifiedAt },
    ...(c.source.since ? [{ name: 'source.since', value: c.source.since }] : []),
  ];
}

function caseResult(c: CaseResult): JunitResult | undefined {
  if (!c.asExpected) {
    const message =
      c.outcome === 'pass'
        ? `passes, but the expectation file says ${c.expected}: ${c.expectationReason ?? ''}`
        : c.outcome === 'skip'
          ? `skipped, but the expectation file says ${c.expected}: ${c.reason ?? ''}`
          : `${c.outcome}: ${c.reason ?? ''}`.trim();
    return { kind: c.outcome === 'error' ? 'error' : 'failure', message, type: c.outcome, detail: detail(c) };
  }
  if (c.outcome === 'skip') return { kind: 'skipped', message: c.reason ?? 'skipped' };
  if (c.outcome !== 'pass') return { kind: 'skipped', message: `expected ${c.outcome}: ${c.expectationReason ?? ''}`, detail: detail(c) };
  // (unexpected fail, blocked and unsupported are failures above, typed by their outcome)
  return undefined;
}

const areaOf = (c: CaseResult) => c.id.split('.')[0]!;

/** A conformance run's suites: one per area, and one for case modules that did not load. */
export function conformanceJunitSuites(results: Results): JunitSuite[] {
  const byArea = new Map<string, CaseResult[]>();
  for (const c of results.cases) (byArea.get(areaOf(c)) ?? byArea.set(areaOf(c), []).get(areaOf(c))!).push(c);
  const suites: JunitSuite[] = [...byArea.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, cases]) => ({
      name: `conformance.${area}`,
      durationMs: cases.reduce((t, c) => t + c.durationMs, 0),
      timestamp: results.startedAt,
      cases: cases.map((c) => {
        const result = caseResult(c);
        return {
          classname: `conformance.${area}`,
          name: `${c.id}: ${c.title}`,
          durationMs: c.durationMs,
          properties: [
            { name: 'outcome', value: c.outcome },
            { name: 'expected', value: c.expected },
            { name: 'tags', value: c.tags.join(',') },
            ...sourceProperties(c),
            ...(c.blocked ? [{ name: 'blocked.step', value: c.blocked.step }, ...(c.blocked.coveredBy ? [{ name: 'blocked.coveredBy', value: c.blocked.coveredBy }] : [])] : []),
          ],
          ...(result ? { result } : {}),
        };
      }),
    }));
  if (results.loadErrors.length) {
    suites.push({
      name: 'conformance.load',
      cases: results.loadErrors.map((e) => ({ classname: 'conformance.load', name: e.file, result: { kind: 'error', message: e.message, type: 'load' } })),
    });
  }
  return suites;
}

/** `junit.xml` of a conformance run (`kmsbench conformance`). */
export function conformanceJunitXml(results: Results): string {
  return junitText({ name: `kmsbench conformance (${results.target.endpoint}${results.profile ? `, AWS as of ${results.profile.awsAsOf}` : ''})`, durationMs: results.durationMs, suites: conformanceJunitSuites(results) });
}
