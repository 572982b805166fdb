/**
 * The report's `junit.xml` (pure), built as data (harness/results/junit.ts): every target's
 * conformance suites as `kmsbench conformance` writes them (the same mapping of expected
 * failures), a suite per load run (a test case per phase: unexpected errors fail it, a saturated
 * generator is reported on it), and a suite of baseline comparisons (a regression fails its
 * metric). With several targets, every suite and class name starts with the target's label.
 *
 * @module
 */
import { conformanceJunitSuites, junitText, type JunitCase, type JunitSuite } from '../harness/results/junit.js';
import type { ReportInput, ReportModel, TargetView } from './report-model.js';

function loadSuites(view: TargetView, prefix: string): JunitSuite[] {
  return view.load.map((l) => ({
    name: `${prefix}load.${l.suite}`,
    timestamp: l.startedAt,
    cases: l.phases.map(
      (ph): JunitCase => ({
        classname: `${prefix}load.${l.suite}`,
        name: ph.name,
        properties: [
          { name: 'p50_ms', value: ph.p50 ?? '' },
          { name: 'p99_ms', value: ph.p99 ?? '' },
          { name: 'achieved_per_s', value: ph.succeededRate ?? '' },
          { name: 'saturated', value: ph.saturated },
        ],
        ...(ph.failed > 0
          ? { result: { kind: 'failure', message: `${ph.failed} requests failed (errors or no reply)`, type: 'errors' } }
          : ph.saturated
            ? { result: { kind: 'system-out', text: `generator saturated: ${ph.reasons.join('; ')}` } }
            : {}),
      }),
    ),
  }));
}

function baselineSuite(view: TargetView, prefix: string): JunitSuite[] {
  if (!view.deltas) return [];
  return [
    {
      name: `${prefix}baseline`,
      cases: view.deltas.result.rows.map((r): JunitCase => {
        const message = `${r.key}: ${r.comparison.change >= 0 ? '+' : ''}${(r.comparison.change * 100).toFixed(1)} % (${r.decision.note})`;
        return {
          classname: `${prefix}baseline`,
          name: r.key,
          ...(r.decision.verdict === 'regression'
            ? { result: { kind: 'failure', message, type: 'regression' } }
            : r.decision.verdict === 'insufficient'
              ? { result: { kind: 'skipped', message } }
              : {}),
        };
      }),
    },
  ];
}

export function reportJunit(input: ReportInput, model: ReportModel): string {
  const several = input.targets.length > 1;
  const suites = input.targets.flatMap((t, i) => {
    const prefix = several ? `${t.label.replace(/[^\w.-]+/g, '_')}.` : '';
    const conformance = t.conformance
      .flatMap((c) => conformanceJunitSuites(c.results))
      .map((s) => ({ ...s, name: prefix + s.name, cases: s.cases.map((c) => ({ ...c, classname: prefix + c.classname })) }));
    const view = model.targets[i]!;
    return [...conformance, ...loadSuites(view, prefix), ...baselineSuite(view, prefix)];
  });
  const durationMs = input.targets.reduce((s, t) => s + t.conformance.reduce((x, c) => x + c.results.durationMs, 0), 0);
  return junitText({ name: model.title, durationMs, suites });
}
