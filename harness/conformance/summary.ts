/**
 * The summary a person reads after a run: a table of outcomes per tag, the differences from the
 * expectations (what makes the exit code non-zero), known failures, skip reasons, duration.
 *
 * @module
 */
import { EXIT_MEANINGS, type ExitCode } from '../../common/exit-codes.js';
import type { CaseResult, Results } from '../results/conformance-results.js';
import { truncate } from '../../common/text.js';

interface Row {
  label: string;
  cases: number;
  pass: number;
  fail: number;
  error: number;
  skip: number;
  known: number;
  diff: number;
}

function tally(label: string, cases: readonly CaseResult[]): Row {
  const row: Row = { label, cases: cases.length, pass: 0, fail: 0, error: 0, skip: 0, known: 0, diff: 0 };
  for (const c of cases) {
    row[c.outcome]++;
    if (!c.asExpected) row.diff++;
    else if (c.outcome === 'fail' || c.outcome === 'error' || (c.outcome === 'skip' && c.expected === 'skip')) row.known++;
  }
  return row;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function summaryTable(cases: readonly CaseResult[]): string {
  const tags = [...new Set(cases.flatMap((c) => c.tags))].sort();
  const rows = tags.map((t) => tally(t, cases.filter((c) => c.tags.includes(t))));
  const total = tally('all cases', cases);
  const header = ['tag', 'cases', 'pass', 'fail', 'error', 'skip', 'known', 'diff'];
  const cells = (r: Row) => [r.label, r.cases, r.pass, r.fail, r.error, r.skip, r.known, r.diff].map(String);
  const all = [header, ...rows.map(cells), cells(total)];
  const width = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ').trimEnd();
  const rule = width.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map((r) => line(cells(r))), rule, line(cells(total))].join('\n');
}

/** Known failures listed in full up to this many (all with `verbose`). */
const KNOWN_SHOWN = 20;

export function summaryText(results: Results, outDir?: string, options: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  const t = results.target;
  out.push(
    `kmsbench conformance — ${t.kind === 'embedded' ? 'embedded reference server ' : ''}${t.endpoint} (${t.region}, account ${t.account})${t.faults.length ? ` with DELIBERATE FAULTS ${t.faults.join(', ')}` : ''}`,
  );
  const ops = Object.entries(results.capabilities.probes).filter(([k]) => k.startsWith('op:'));
  const unsupported = ops.filter(([, p]) => !p.supported).map(([k]) => k.slice(3));
  const established = new Set(results.capabilities.established);
  out.push(
    `capabilities: clock-control ${established.has('clock-control') ? 'yes' : 'no'}, low-quota ${established.has('low-quota') ? 'yes' : 'no'}, ` +
      `${ops.length - unsupported.length}/${ops.length} operations the cases need${unsupported.length ? ` (unsupported: ${unsupported.join(', ')})` : ''}`,
  );
  out.push(`expectations: ${results.expectations.file ?? '(none)'} — ${results.expectations.target} (${results.expectations.entries} entries)`);
  out.push('');
  out.push(summaryTable(results.cases));

  if (results.loadErrors.length) {
    out.push('', `case modules that did not load (${results.loadErrors.length}):`);
    for (const e of results.loadErrors) out.push(`  ! ${e.file}: ${truncate(e.message, 300)}`);
  }
  if (results.differences.length) {
    out.push('', `differences from the expectations (${results.differences.length}):`);
    for (const d of results.differences) out.push(`  ✗ ${d.id}  [${d.expected} → ${d.actual}]  ${truncate(d.message, 400)}`);
  }
  if (results.staleExpectations.length) {
    out.push(
      '',
      `expectation entries naming no case (${results.staleExpectations.length}; not differences — drop them with --update-expectations): ${truncate(results.staleExpectations.join(', '), 400)}`,
    );
  }
  const known = results.cases.filter((c) => c.asExpected && (c.outcome === 'fail' || c.outcome === 'error'));
  if (known.length) {
    out.push('', `known failures, as the expectation file says (${known.length}):`);
    const shown = options.verbose ? known : known.slice(0, KNOWN_SHOWN);
    for (const c of shown) out.push(`  ~ ${c.id}  ${truncate(c.expectationReason ?? '', 150)}`);
    if (shown.length < known.length) out.push(`  ~ … ${known.length - shown.length} more (--verbose, or results.json)`);
  }
  const skipped = results.cases.filter((c) => c.outcome === 'skip');
  if (skipped.length) {
    const byReason = new Map<string, string[]>();
    for (const c of skipped) {
      const r = c.reason ?? 'skipped';
      (byReason.get(r) ?? byReason.set(r, []).get(r)!).push(c.id);
    }
    out.push('', `skipped (${skipped.length}):`);
    for (const [reason, ids] of byReason) out.push(`  - ${truncate(reason, 160)}: ${ids.length > 4 ? `${ids.slice(0, 4).join(', ')} +${ids.length - 4}` : ids.join(', ')}`);
  }
  if (results.harnessErrors.length) {
    out.push('', 'harness problems:');
    for (const e of results.harnessErrors) out.push(`  ! ${truncate(e, 300)}`);
  }
  out.push('');
  out.push(
    `${results.cases.length} cases in ${seconds(results.durationMs)} (probe ${seconds(results.capabilities.durationMs)}, concurrency ${results.selection.concurrency})` +
      (outDir ? ` → ${outDir}/results.json, ${outDir}/junit.xml` : ''),
  );
  out.push(`exit ${results.exitCode}: ${EXIT_MEANINGS[results.exitCode as ExitCode] ?? ''}`);
  return out.join('\n');
}
