/**
 * `kmsbench run` (what `npm start` runs): the main job against the embedded reference server —
 * the full conformance suite, a short load run (latency, then the throttle curve at a
 * scaled-down quota), the capacity plan of an example workload — and the report of it all in
 * reports/latest/ (index.html, report.md, junit.xml), with the load runs compared to this
 * machine's earlier runs. A progress display runs meanwhile: an updating line on a terminal,
 * plain lines otherwise (CI).
 *
 * This module reads the options and runs the steps in order (each in its own module, fed by the
 * engines' typed progress events); Ctrl-C ends the step in progress and skips the rest.
 *
 * @module
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT } from '../../../common/exit-codes.js';
import type { Results } from '../../results/conformance-results.js';
import { LoadAborted } from '../../load/run.js';
import type { LoadResults } from '../../results/load-results.js';
import { intOption, parse, UsageError } from '../args.js';
import { displayPath, ROOT } from '../paths.js';
import { conformanceStep } from './conformance-step.js';
import { chooseBaseline, DEFAULT_HISTORY, readHistory, recordHistory } from './history.js';
import { latencySchedule, latencyStep, throttleSchedule, throttleStep } from './load-steps.js';
import { planStep } from './plan-step.js';
import { Progress, type Step } from './progress.js';
import { reportStep } from './report-step.js';

const DEFAULT_THROTTLE_QUOTA = 500;

export const runUsage = `kmsbench run [options]        (npm start)
  The main job, against the embedded reference server: the full conformance suite, a short load
  run (latency, then the throttle curve at a scaled-down quota) and a capacity plan of an example
  workload; then the report: OUT/index.html (its path is printed), OUT/report.md, OUT/junit.xml.
  The load runs are compared with the earlier runs on this machine (OUT/history.json).

  --out DIR          where results and the report go (default reports/latest)
  --quota N          symmetric quota of the throttle curve's embedded server (default ${DEFAULT_THROTTLE_QUOTA}/s)
  --baseline FILE    compare the load runs with this baseline instead (kmsbench gate --save-baseline)
  --history N        earlier runs kept per suite in OUT/history.json (default ${DEFAULT_HISTORY}; 0 keeps none)
  --no-load          conformance and report only

  Ctrl-C ends the current step cleanly, skips the rest and still writes the report (exit ${EXIT.interrupted}).
  exit codes: ${EXIT.ok} every conformance case as expected; ${EXIT.differences} differences from the expectations;
  ${EXIT.harness} the run itself failed (see kmsbench conformance --help); ${EXIT.interrupted} interrupted`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    out: { type: 'string' },
    quota: { type: 'string' },
    baseline: { type: 'string' },
    history: { type: 'string' },
    'no-load': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(runUsage);
    return EXIT.ok;
  }
  const quota = intOption(values.quota, 'quota', DEFAULT_THROTTLE_QUOTA, 1);
  const keep = intOption(values.history, 'history', DEFAULT_HISTORY, 0);
  const outDir = resolve(values.out ?? (ROOT ? join(ROOT, 'reports', 'latest') : join('reports', 'latest')));
  const withLoad = !values['no-load'];
  if (values.baseline && !existsSync(values.baseline)) throw new UsageError(`--baseline ${values.baseline}: no such file`);

  // Results of the previous run go; its history stays.
  mkdirSync(outDir, { recursive: true });
  for (const old of ['conformance', 'load-latency', 'load-throttle-curve', 'plan', 'index.html', 'report.md', 'junit.xml']) rmSync(join(outDir, old), { recursive: true, force: true });

  const lat = latencySchedule();
  const steps: Step[] = [
    { name: 'conformance', estimateMs: 10_000 },
    ...(withLoad
      ? [
          { name: 'load latency', estimateMs: lat.phases * (lat.phaseMs + 400) + 1500 },
          { name: 'load throttle-curve', estimateMs: throttleSchedule(quota).ms + 2000 },
        ]
      : []),
    { name: 'report', estimateMs: 1500 },
  ];
  const progress = new Progress(steps);
  const started = performance.now();
  progress.log(`kmsbench main job: embedded reference server; results and report in ${displayPath(outDir)}`);
  // Ctrl-C: the step in progress ends early and cleans up (conformance: running cases end, the
  // rest are skipped; load: after the current phase), later steps are skipped, and the report
  // shows what was done; exit 130. A second Ctrl-C quits at once.
  const interrupt = new AbortController();
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
    progress.log('interrupted: finishing the current step and cleaning up (Ctrl-C again to quit at once)');
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  let conformance: Results;
  const load: LoadResults[] = [];
  try {
    conformance = await conformanceStep(progress, outDir, interrupt.signal);
    try {
      if (withLoad && !interrupt.signal.aborted) load.push(await latencyStep(progress, outDir, interrupt.signal));
      if (withLoad && !interrupt.signal.aborted) load.push(await throttleStep(progress, outDir, quota, interrupt.signal));
    } catch (e) {
      if (!(e instanceof LoadAborted)) throw e;
    }
    progress.begin('report', 'rendering index.html, report.md, junit.xml');
    planStep(outDir);
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  if (interrupt.signal.aborted) conformance.exitCode = EXIT.interrupted;

  // The baseline: a file given, else this machine's earlier runs.
  const history = readHistory(outDir);
  const baseline = chooseBaseline(history, values.baseline);
  const indexHtml = await reportStep({ outDir, conformance, load, baseline, baselineGiven: values.baseline !== undefined });

  // This run joins the history the next run compares against (an interrupted one does not).
  if (keep > 0 && load.length > 0 && !interrupt.signal.aborted) recordHistory(history, load, outDir, keep);

  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s; report.md and junit.xml beside it`);
  console.log(`report: ${indexHtml}`);
  return conformance.exitCode;
}
