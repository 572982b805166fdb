/**
 * The summary a person reads after a run: a table of outcomes per tag, the differences from the
 * expectations (what makes the exit code non-zero) — those on recorded or documented AWS
 * behaviour apart from those on inferred behaviour —, what blocked cases, known failures,
 * unsupported operations, skip reasons, duration.
 *
 * @module
 */
import { EXIT_MEANINGS, type ExitCode } from '../../common/exit-codes.js';
import type { CaseResult, Results } from '../results/conformance-results.js';
import { isKnown, OUTCOME_COLUMNS, splitByEvidence, tallyByTag, type OutcomeRow } from '../results/conformance-tally.js';
import { truncate } from '../../common/text.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function summaryTable(cases: readonly CaseResult[]): string {
  const { tags, total } = tallyByTag(cases);
  const header = ['tag', 'cases', ...OUTCOME_COLUMNS.map((o) => (o === 'unsupported' ? 'unsup' : o)), 'known', 'diff'];
  const cells = (r: OutcomeRow) => [r.label, r.cases, ...OUTCOME_COLUMNS.map((o) => r[o]), r.known, r.diff].map(String);
  const all = [header, ...tags.map(cells), cells(total)];
  const width = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ').trimEnd();
  const rule = width.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...tags.map((r) => line(cells(r))), rule, line(cells(total))].join('\n');
}

/** The one-line count of a run's outcomes (also `kmsbench run`'s), fail split by evidence. */
export function outcomeLine(counts: Results['counts']): string {
  const inferred = counts.failBySource?.inferred ?? 0;
  const fail = inferred ? `${counts.fail - inferred} fail (+${inferred} on inferred behaviour)` : `${counts.fail} fail`;
  return `${counts.pass} pass, ${fail}, ${counts.blocked} blocked, ${counts.unsupported} unsupported, ${counts.error} error, ${counts.skip} skip`;
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
  if (results.profile) out.push(`judged as AWS behaves as of ${results.profile.awsAsOf} (--aws-as-of)`);
  if (ops.length > 0 && unsupported.length === ops.length) out.push('! the endpoint implements none of the operations the cases need: is --endpoint a KMS endpoint?');
  out.push('');
  out.push(summaryTable(results.cases));
  out.push('', outcomeLine(results.counts));

  if (results.loadErrors.length) {
    out.push('', `case modules that did not load (${results.loadErrors.length}):`);
    for (const e of results.loadErrors) out.push(`  ! ${e.file}: ${truncate(e.message, 300)}`);
  }
  if (results.differences.length) {
    const bySource = splitByEvidence(results.differences.map((d) => ({ ...d, source: d.sourceKind ? { kind: d.sourceKind } : undefined })));
    const list = (ds: typeof bySource.established) => {
      for (const d of ds) out.push(`  ✗ ${d.id}  [${d.expected} → ${d.actual}]  ${truncate(d.message, 400)}`);
    };
    out.push('', `differences from the expectations, on recorded or documented AWS behaviour (${bySource.established.length}):`);
    list(bySource.established);
    if (bySource.inferred.length) {
      out.push('', `differences on inferred behaviour (${bySource.inferred.length}; the expectation was reasoned, never captured: check the case before the endpoint):`);
      list(bySource.inferred);
    }
  }
  if (results.staleExpectations.length) {
    out.push(
      '',
      `expectation entries naming no case (${results.staleExpectations.length}; not differences — drop them with --update-expectations): ${truncate(results.staleExpectations.join(', '), 400)}`,
    );
  }
  const blocked = results.cases.filter((c) => c.outcome === 'blocked');
  if (blocked.length) {
    const byStep = new Map<string, CaseResult[]>();
    for (const c of blocked) {
      const step = c.blocked ? `${c.blocked.step}${c.blocked.coveredBy ? ` (tested by ${c.blocked.coveredBy})` : ''}` : (c.reason ?? 'blocked');
      (byStep.get(step) ?? byStep.set(step, []).get(step)!).push(c);
    }
    out.push('', `blocked: a prerequisite failed, the behaviour under test was never reached (${blocked.length}):`);
    for (const [step, cs] of byStep) {
      const ids = cs.map((c) => c.id);
      out.push(`  ⊘ ${truncate(step, 160)} — ${ids.length > 4 ? `${ids.slice(0, 4).join(', ')} +${ids.length - 4}` : ids.join(', ')}`);
      const whys = [...new Set(cs.map((c) => c.blocked?.why).filter((w): w is string => !!w))];
      for (const why of whys.slice(0, 2)) out.push(`      ${truncate(why, 200)}`);
    }
  }
  const known = results.cases.filter((c) => isKnown(c) && c.outcome !== 'skip' && c.outcome !== 'blocked' && c.outcome !== 'unsupported');
  if (known.length) {
    out.push('', `known failures, as the expectation file says (${known.length}):`);
    const shown = options.verbose ? known : known.slice(0, KNOWN_SHOWN);
    for (const c of shown) out.push(`  ~ ${c.id}${c.source?.kind === 'inferred' ? ' (inferred)' : ''}  ${truncate(c.expectationReason ?? '', 150)}`);
    if (shown.length < known.length) out.push(`  ~ … ${known.length - shown.length} more (--verbose, or results.json)`);
  }
  for (const [outcome, title] of [
    ['unsupported', 'unsupported: the endpoint does not implement something the case needs'],
    ['skip', 'skipped: the run lacks a capability on purpose, or was told not to run them'],
  ] as const) {
    const cs = results.cases.filter((c) => c.outcome === outcome);
    if (!cs.length) continue;
    const byReason = new Map<string, string[]>();
    for (const c of cs) {
      const r = c.reason ?? outcome;
      (byReason.get(r) ?? byReason.set(r, []).get(r)!).push(c.id);
    }
    out.push('', `${title} (${cs.length}):`);
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
