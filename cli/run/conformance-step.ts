/**
 * The main job's conformance step, once per target: the full suite against the target, judged
 * against its expectation file (the reference server's: suites/expectations/reference.json);
 * results.json and junit.xml in OUT/<target>/conformance/.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXIT, EXIT_MEANINGS, type ExitCode } from '../../common/exit-codes.js';
import { loadExpectations } from '../../harness/conformance/expectations.js';
import { conformanceJunitXml } from '../../harness/results/junit.js';
import type { CaseResult, Results } from '../../harness/results/conformance-results.js';
import { runConformance } from '../../harness/conformance/runner.js';
import { outcomeLine } from '../../harness/conformance/summary.js';
import { withTarget } from '../../harness/target/index.js';
import { discoverCases } from '../../suites/index.js';
import type { Progress } from './progress.js';
import type { RunTarget } from './targets.js';

function conformanceDetail(done: number, total: number, counts: Record<CaseResult['outcome'], number>, perSecond: number, area: string): string {
  const others = (['blocked', 'unsupported'] as const).filter((o) => counts[o] > 0).map((o) => `, ${counts[o]} ${o}`).join('');
  return `${done}/${total} cases (${counts.pass} pass, ${counts.fail} fail${others}, ${counts.error} error, ${counts.skip} skip)${area ? `  suite ${area}` : ''}  ${perSecond.toFixed(0)} cases/s`;
}

export interface StepContext {
  progress: Progress;
  /** This step's name in the progress display. */
  step: string;
  /** The target's folder (OUT/<target>). */
  dir: string;
  region: string;
  signal: AbortSignal;
}

export async function conformanceStep(c: StepContext, t: RunTarget): Promise<Results> {
  const { progress, signal } = c;
  const discovery = await discoverCases();
  const total = discovery.cases.length;
  const counts: Record<CaseResult['outcome'], number> = { pass: 0, fail: 0, error: 0, skip: 0, blocked: 0, unsupported: 0 };
  let done = 0;
  const started = performance.now();
  const rate = () => (done > 0 ? done / ((performance.now() - started) / 1000) : 0);
  progress.begin(c.step, `${total} cases`, () => (done >= 10 ? ((total - done) / rate()) * 1000 : null));
  const expectations = t.expectationsFile ? loadExpectations(t.expectationsFile) : undefined;
  const options = { region: c.region, embedded: { label: 'conformance' }, ...(t.profile ? { profile: t.profile } : {}) };
  const results = await withTarget(t.spec, options, (target) =>
    runConformance({
      target,
      cases: discovery.cases,
      loadErrors: discovery.errors,
      ...(expectations ? { expectations, expectationsFile: relative(process.cwd(), t.expectationsFile!) } : {}),
      signal,
      ...(t.concurrency !== undefined ? { concurrency: t.concurrency } : {}),
      onEvent: (e) => {
        if (e.type !== 'case-done') return;
        const r = e.result;
        done++;
        counts[r.outcome]++;
        if (!r.asExpected && !signal.aborted) progress.log(`  ✗ ${r.outcome} ${r.id}${r.reason ? `: ${r.reason.slice(0, 160)}` : ''}`);
        progress.update(conformanceDetail(done, total, counts, rate(), r.id.split('.')[0]!));
      },
    }),
  );
  if (signal.aborted) results.exitCode = EXIT.interrupted;
  const dir = join(c.dir, 'conformance');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'junit.xml'), conformanceJunitXml(results));
  const n = results.counts;
  progress.log(
    `conformance${t.reference ? '' : ` (${t.label})`}: ${n.total} cases in ${(results.durationMs / 1000).toFixed(1)} s — ${outcomeLine(n)}; exit ${results.exitCode} (${EXIT_MEANINGS[results.exitCode as ExitCode] ?? ''})`,
  );
  for (const d of results.differences) progress.log(`  ✗ ${d.id} [${d.expected} → ${d.actual}] ${d.message.slice(0, 200)}`);
  return results;
}
