/**
 * The gate's comparison of two sets of runs (pure): metrics matched by key, samples pooled per
 * side, the rule (rule.ts) applied over the whole set at once, and the table it prints. The
 * report shows the same rows as its baseline deltas.
 *
 * @module
 */
import type { BaselineRun } from '../results/baseline-file.js';
import type { Decision, GateResult, GateRow, GateThresholds } from '../results/gate-results.js';
import { compareSamples, decide, DEFAULT_ALPHA } from './rule.js';
import { poolRuns } from './samples.js';

export const DEFAULT_THRESHOLDS: GateThresholds = { maxP99Regression: 0.1, minThroughputRatio: 0.95, alpha: DEFAULT_ALPHA, confidence: 0.95 };

function differences(baseline: readonly BaselineRun[], current: readonly BaselineRun[]): string[] {
  const out: string[] = [];
  const distinct = <T>(runs: readonly BaselineRun[], f: (r: BaselineRun) => T) => [...new Set(runs.map((r) => JSON.stringify(f(r))))];
  const check = (what: string, f: (r: BaselineRun) => unknown, suite?: string) => {
    const b = distinct(suite ? baseline.filter((r) => r.suite === suite) : baseline, f);
    const c = distinct(suite ? current.filter((r) => r.suite === suite) : current, f);
    if (b.length && c.length && (b.length !== c.length || b.some((x) => !c.includes(x)))) out.push(`${suite ? `${suite}: ` : ''}${what} differ: baseline ${b.join(' | ')}, current ${c.join(' | ')}`);
  };
  check('machines', (r) => `${r.machine.cpus} × ${r.machine.cpuModel}`);
  const suites = new Set(current.map((r) => r.suite));
  for (const s of suites) {
    check('endpoints', (r) => `${r.endpoint.kind}${r.endpoint.quota !== null ? ` quota ${r.endpoint.quota}/s` : ''}`, s);
    check('options', (r) => `${r.options.mode} ${r.options.client} rate ${r.options.rate ?? 'default'} ${r.options.durationMs} ms`, s);
  }
  return out;
}

export function gateCompare(baseline: readonly BaselineRun[], current: readonly BaselineRun[], thresholds: GateThresholds = DEFAULT_THRESHOLDS): GateResult {
  const b = new Map(poolRuns(baseline.map((r) => r.metrics)).map((x) => [x.metric.key, x]));
  const c = poolRuns(current.map((r) => r.metrics));
  const missing: GateResult['missing'] = [];
  const pairs = c.flatMap((cur) => {
    const base = b.get(cur.metric.key);
    if (!base) {
      missing.push({ key: cur.metric.key, only: 'current' });
      return [];
    }
    return [{ base, cur }];
  });
  const currentKeys = new Set(c.map((x) => x.metric.key));
  for (const key of b.keys()) if (!currentKeys.has(key)) missing.push({ key, only: 'baseline' });

  const items = pairs.map(({ base, cur }) => {
    const m = cur.metric;
    return {
      comparison: compareSamples(base.metric.samples, m.samples, thresholds.confidence),
      better: m.better,
      tolerance: m.metric === 'p99' ? thresholds.maxP99Regression : 1 - thresholds.minThroughputRatio,
    };
  });
  const decisions = decide(items, thresholds.alpha);
  const rows: GateRow[] = pairs.map(({ base, cur }, i) => ({
    key: cur.metric.key,
    suite: cur.metric.suite,
    subject: cur.metric.subject,
    metric: cur.metric.metric,
    unit: cur.metric.unit,
    better: cur.metric.better,
    sampling: cur.metric.sampling,
    baselineRuns: base.runs,
    currentRuns: cur.runs,
    tolerance: items[i]!.tolerance,
    comparison: items[i]!.comparison,
    decision: decisions[i]!,
  }));
  const count = (v: Decision['verdict']) => rows.filter((r) => r.decision.verdict === v).length;
  return {
    thresholds,
    rows,
    missing,
    warnings: differences(baseline, current),
    regressions: count('regression'),
    improvements: count('improvement'),
    insufficient: count('insufficient'),
  };
}

const num = (x: number, unit: string) => {
  if (!Number.isFinite(x)) return '—';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3;
  return `${x.toFixed(digits)}${unit === 'ms' ? ' ms' : '/s'}`;
};

export const signedPct = (x: number, digits = 1): string => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)} %` : '—');

export const VERDICT_LABEL: Record<Decision['verdict'], string> = {
  regression: 'REGRESSION',
  improvement: 'improved',
  ok: 'ok',
  insufficient: 'not gated',
};

/** The table `kmsbench gate` prints. */
export function formatGate(result: GateResult): string {
  const t = result.thresholds;
  const header = ['metric', 'baseline', 'current', 'change', `${Math.round(t.confidence * 100)} % band`, 'p (Holm)', 'method', 'verdict'];
  const body = result.rows.map((r) => {
    const c = r.comparison;
    const side = (v: number, runs: number, n: number) => `${num(v, r.unit)} (${r.sampling === 'run' ? `${runs} run${runs === 1 ? '' : 's'}` : `${n} s`})`;
    return [
      `${r.suite} · ${r.subject} · ${r.metric}`,
      side(c.baseline, r.baselineRuns, c.nBaseline),
      side(c.current, r.currentRuns, c.nCurrent),
      signedPct(c.change),
      c.band ? `${signedPct(c.band[0])} … ${signedPct(c.band[1])}` : '—',
      c.method === 'none' ? '—' : r.decision.pAdjusted < 1e-4 ? '<0.0001' : r.decision.pAdjusted.toFixed(4),
      c.method,
      VERDICT_LABEL[r.decision.verdict],
    ];
  });
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  out.push('');
  out.push('baseline, current: medians of the samples (geometric means where the method is t-log); change: the method\'s estimate of current / baseline − 1');
  out.push(
    `rule: a regression is a change worse than the tolerance (p99 +${(t.maxP99Regression * 100).toFixed(0)} %, throughput below ${t.minThroughputRatio} × baseline) ` +
      `that is also significant at ${t.alpha} after Holm's correction over the ${result.rows.length - result.insufficient} compared metrics`,
  );
  for (const r of result.rows.filter((x) => x.decision.verdict !== 'ok' || x.decision.note.startsWith('worse'))) {
    out.push(`  ${VERDICT_LABEL[r.decision.verdict].padEnd(10)} ${r.key}: ${r.decision.note}`);
  }
  if (result.insufficient > 0) {
    out.push(`${result.insufficient} metric(s) have one sample per side and are not gated: repeat the runs (--current A --current B …) and save a baseline of several runs`);
  }
  for (const m of result.missing) out.push(`missing: ${m.key} only in the ${m.only}`);
  for (const w of result.warnings) out.push(`WARNING: ${w}`);
  out.push(
    result.regressions > 0
      ? `${result.regressions} regression(s): exit 1`
      : `no regression (${result.rows.length} metrics, ${result.improvements} improved, ${result.insufficient} not gated): exit 0`,
  );
  return out.join('\n');
}
