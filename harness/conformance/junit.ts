/**
 * `junit.xml`: one `<testsuite>` per area (the case id's first segment), one `<testcase>` per
 * case. Mapped like pytest's xfail: a failure the expectation file lists is `<skipped>` with
 * "expected failure"; a case that passes although listed as failing is a `<failure>`; an
 * unexpected `error` outcome is an `<error>`.
 *
 * @module
 */
import type { CaseResult, Results } from './results.js';

const esc = (s: string): string =>
  s
    // XML 1.0 cannot carry most control characters at all, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function detail(c: CaseResult): string {
  const lines: string[] = [];
  if (c.reason) lines.push(c.reason);
  if (c.failure) lines.push('', JSON.stringify(c.failure, null, 2));
  if (c.error?.stack) lines.push('', c.error.stack);
  lines.push('', `doc: ${c.doc}`);
  return lines.join('\n');
}

function testcase(c: CaseResult): string {
  const area = c.id.split('.')[0]!;
  const open = `    <testcase classname="conformance.${esc(area)}" name="${esc(`${c.id}: ${c.title}`)}" time="${seconds(c.durationMs)}">`;
  const props = `      <properties><property name="outcome" value="${c.outcome}"/><property name="expected" value="${c.expected}"/><property name="tags" value="${esc(c.tags.join(','))}"/></properties>`;
  let body = '';
  if (!c.asExpected) {
    const kind = c.outcome === 'error' ? 'error' : 'failure';
    const message = c.outcome === 'pass' ? `passes, but the expectation file says ${c.expected}: ${c.expectationReason ?? ''}` : c.outcome === 'skip' ? `skipped, but the expectation file says ${c.expected}: ${c.reason ?? ''}` : (c.reason ?? c.outcome);
    body = `      <${kind} message="${esc(message)}" type="${c.outcome}">${esc(detail(c))}</${kind}>`;
  } else if (c.outcome === 'skip') {
    body = `      <skipped message="${esc(c.reason ?? 'skipped')}"/>`;
  } else if (c.outcome !== 'pass') {
    body = `      <skipped message="${esc(`expected ${c.outcome}: ${c.expectationReason ?? ''}`)}">${esc(detail(c))}</skipped>`;
  }
  return [open, props, body, '    </testcase>'].filter((l) => l !== '').join('\n');
}

export function junitXml(results: Results): string {
  const byArea = new Map<string, CaseResult[]>();
  for (const c of results.cases) {
    const area = c.id.split('.')[0]!;
    (byArea.get(area) ?? byArea.set(area, []).get(area)!).push(c);
  }
  const suites = [...byArea.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, cases]) => {
      const failures = cases.filter((c) => !c.asExpected && c.outcome !== 'error').length;
      const errors = cases.filter((c) => !c.asExpected && c.outcome === 'error').length;
      const skipped = cases.filter((c) => c.asExpected && c.outcome !== 'pass').length;
      const time = cases.reduce((t, c) => t + c.durationMs, 0);
      return [
        `  <testsuite name="conformance.${esc(area)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(time)}" timestamp="${esc(results.startedAt)}">`,
        ...cases.map(testcase),
        '  </testsuite>',
      ].join('\n');
    });
  const loadErrors = results.loadErrors.length
    ? [
        `  <testsuite name="conformance.load" tests="${results.loadErrors.length}" failures="0" errors="${results.loadErrors.length}" skipped="0" time="0">`,
        ...results.loadErrors.map(
          (e) => `    <testcase classname="conformance.load" name="${esc(e.file)}" time="0">\n      <error message="${esc(e.message)}" type="load"/>\n    </testcase>`,
        ),
        '  </testsuite>',
      ]
    : [];
  const failures = results.cases.filter((c) => !c.asExpected && c.outcome !== 'error').length;
  const errors = results.cases.filter((c) => !c.asExpected && c.outcome === 'error').length + results.loadErrors.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kmsbench conformance (${esc(results.target.endpoint)})" tests="${results.cases.length + results.loadErrors.length}" failures="${failures}" errors="${errors}" time="${seconds(results.durationMs)}">`,
    ...suites,
    ...loadErrors,
    '</testsuites>',
    '',
  ].join('\n');
}
