/**
 * The report's `junit.xml`: every target's conformance suites as `kmsbench conformance` writes
 * them (harness/conformance/junit.ts — the same mapping of expected failures), a suite per load
 * run (a test case per phase: unexpected errors fail it, a saturated generator is reported on
 * it), and a suite of baseline comparisons (a regression fails its metric). Pure.
 *
 * @module
 */
import { junitXml } from '../harness/conformance/junit.js';
import type { ReportInput, ReportModel } from './model.js';

const esc = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Counts of a suite block, read back from its attributes. */
function countsOf(block: string): { tests: number; failures: number; errors: number; skipped: number } {
  const attr = (n: string) => Number(new RegExp(`<testsuite [^>]*\\b${n}="(\\d+)"`).exec(block)?.[1] ?? 0);
  return { tests: attr('tests'), failures: attr('failures'), errors: attr('errors'), skipped: attr('skipped') };
}

export function reportJunit(input: ReportInput, model: ReportModel): string {
  const several = input.targets.length > 1;
  const prefix = (label: string) => (several ? `${label.replace(/[^\w.-]+/g, '_')}.` : '');
  const blocks: string[] = [];
  input.targets.forEach((t, i) => {
    const p = prefix(t.label);
    for (const c of t.conformance) {
      // The conformance writer's own suites, renamed per target when there are several.
      const xml = junitXml(c.results);
      for (const m of xml.matchAll(/ {2}<testsuite [\s\S]*?\n {2}<\/testsuite>/g)) {
        blocks.push(m[0].replace(/name="conformance\./, `name="${esc(p)}conformance.`).replace(/classname="conformance\./g, `classname="${esc(p)}conformance.`));
      }
    }
    const view = model.targets[i]!;
    for (const l of view.load) {
      const cases = l.phases.map((ph) => {
        const props = `      <properties><property name="p50_ms" value="${ph.p50 ?? ''}"/><property name="p99_ms" value="${ph.p99 ?? ''}"/><property name="achieved_per_s" value="${ph.succeededRate ?? ''}"/><property name="saturated" value="${ph.saturated}"/></properties>`;
        const body =
          ph.failed > 0
            ? `      <failure message="${esc(`${ph.failed} requests failed (errors or no reply)`)}" type="errors"/>`
            : ph.saturated
              ? `      <system-out>${esc(`generator saturated: ${ph.reasons.join('; ')}`)}</system-out>`
              : '';
        return [`    <testcase classname="${esc(p)}load.${esc(l.suite)}" name="${esc(ph.name)}" time="0">`, props, body, '    </testcase>'].filter(Boolean).join('\n');
      });
      const failures = l.phases.filter((ph) => ph.failed > 0).length;
      blocks.push(
        [`  <testsuite name="${esc(p)}load.${esc(l.suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0" timestamp="${esc(l.startedAt)}">`, ...cases, '  </testsuite>'].join('\n'),
      );
    }
    if (view.deltas) {
      const rows = view.deltas.result.rows;
      const cases = rows.map((r) => {
        const msg = `${r.key}: ${r.comparison.change >= 0 ? '+' : ''}${(r.comparison.change * 100).toFixed(1)} % (${r.decision.note})`;
        const body =
          r.decision.verdict === 'regression'
            ? `      <failure message="${esc(msg)}" type="regression"/>`
            : r.decision.verdict === 'insufficient'
              ? `      <skipped message="${esc(msg)}"/>`
              : '';
        return [`    <testcase classname="${esc(p)}baseline" name="${esc(r.key)}" time="0">`, body, '    </testcase>'].filter(Boolean).join('\n');
      });
      blocks.push(
        [
          `  <testsuite name="${esc(p)}baseline" tests="${rows.length}" failures="${view.deltas.result.regressions}" errors="0" skipped="${view.deltas.result.insufficient}" time="0">`,
          ...cases,
          '  </testsuite>',
        ].join('\n'),
      );
    }
  });
  const total = blocks.map(countsOf).reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }), {
    tests: 0,
    failures: 0,
    errors: 0,
    skipped: 0,
  });
  const time = input.targets.reduce((s, t) => s + t.conformance.reduce((x, c) => x + c.results.durationMs, 0), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(model.title)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${seconds(time)}">`,
    ...blocks,
    '</testsuites>',
    '',
  ].join('\n');
}
