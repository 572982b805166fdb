/**
 * `kmsbench run` (what `npm start` runs): the main job. Against the embedded reference server
 * (the baseline) and each `--endpoint`: the full conformance suite, a short load run (the latency
 * suite; the reference server also runs the throttle curve at a scaled-down quota), the capacity
 * plan of an example workload at the target's measured latency — and one report of it all, every
 * target side by side, in reports/latest/ (index.html, report.md, junit.xml), the reference
 * server's load runs compared to this machine's earlier runs. A progress display runs meanwhile:
 * an updating line on a terminal, plain lines otherwise (CI).
 *
 * This module reads the options and runs the steps in order (each in its own module, fed by the
 * engines' typed progress events); Ctrl-C ends the step in progress and skips the rest.
 *
 * @module
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDuration } from '../../common/duration.js';
import { EXIT } from '../../common/exit-codes.js';
import { ExpectationFileError, loadExpectations } from '../../harness/conformance/expectations.js';
import { DEFAULT_CONCURRENCY } from '../../harness/conformance/runner.js';
import { LoadAborted } from '../../harness/load/run.js';
import { TargetError } from '../../harness/target/index.js';
import { asUsageError, clientRegion, intOption, parse, positiveOption, UsageError, valueOptions } from '../args.js';
import { onInterrupt } from '../interrupt.js';
import { injectionOptions, INJECT_USAGE } from '../inject-options.js';
import { displayPath, ROOT } from '../paths.js';
import { conformanceStep, type StepContext } from './conformance-step.js';
import { chooseBaseline, DEFAULT_HISTORY, loadFile, readHistory, recordHistory } from './history.js';
import { latencySchedule, latencyStep, throttleSchedule, throttleStep } from './load-steps.js';
import { planStep } from './plan-step.js';
import { Progress, type Step } from './progress.js';
import { reportStep, type TargetOutcome } from './report-step.js';
import { LOAD_DEFAULTS, runTargets, type RunTarget } from './targets.js';

const DEFAULT_THROTTLE_QUOTA = 500;
const e = LOAD_DEFAULTS.endpoint;
const m = LOAD_DEFAULTS.embedded;
const endpointRun = latencySchedule(e);

export const runUsage = `kmsbench run [options]        (npm start)
  The main job, against the embedded reference server and each --endpoint: the full conformance
  suite, a short load run (the latency suite; the reference server also runs the throttle curve
  at a scaled-down quota), and a capacity plan of an example workload at each target's measured
  latency; then one report, every target side by side: OUT/index.html (its path is printed),
  OUT/report.md, OUT/junit.xml; each target's results in OUT/<label>/. The reference server's load
  runs are compared with its earlier runs on this machine (OUT/history.json).

  --endpoint URL|aws  a target besides the reference server (repeatable): any KMS endpoint, or aws
                      (the Region's AWS endpoint: real requests, billed)
  --label NAME        the endpoints' names in the report, in order (default: host:port, aws)
  --expect FILE|none  the endpoints' expectation files, in order: the cases known to fail there
                      (e.g. suites/expectations/moto.json); default none
  --profile NAME|-    the endpoints' AWS profiles, in order (- : the usual AWS credential chain,
                      the default: environment, shared files, …; test/test when there is nothing)
  --region R          Region the endpoints are signed for (default $AWS_REGION or us-east-1)
  --concurrency N     the endpoints' conformance cases at a time (default ${DEFAULT_CONCURRENCY}; 1 for servers
                      that are not thread-safe, such as moto)
  --no-reference      leave out the embedded reference server
  --rate R            offered requests/s of every target's latency run (default ${m.rate}/s on the reference
                      server, ${e.rate}/s on an endpoint: it may be a paid or shared service; never more)
  --duration D        each operation's measured phase in the latency run (default ${m.durationMs / 1000} s on the
                      reference server, ${e.durationMs / 1000} s on an endpoint: ${endpointRun.phases} operations, about
                      ${Math.round((endpointRun.phases * endpointRun.phaseMs * e.rate) / 1000)} calls with warm-ups)
                      The throttle curve never runs against an endpoint (it offers up to 3× the quota);
                      to run it, kmsbench load --suite throttle-curve --endpoint URL --quota N.
  --no-load           conformance, plan and report only
  --out DIR           where results and the report go (default reports/latest)
  --quota N           symmetric quota of the throttle curve's embedded server (default ${DEFAULT_THROTTLE_QUOTA}/s)
  --baseline FILE     compare the reference server's load runs with this baseline instead (kmsbench gate --save-baseline)
  --history N         earlier runs kept per suite in OUT/history.json (default ${DEFAULT_HISTORY}; 0 keeps none)
  for the reference server's load runs (its conformance run injects nothing: errors would fail cases):
${INJECT_USAGE}

  Ctrl-C ends the current step cleanly, skips the rest and still writes the report (exit ${EXIT.interrupted}).
  exit codes: ${EXIT.ok} every target's conformance cases as expected; ${EXIT.differences} differences from the expectations;
  ${EXIT.harness} a run itself failed (e.g. an endpoint could not be reached); ${EXIT.interrupted} interrupted`;

/** The job's exit code from the targets' conformance exit codes: the worst. */
export function combinedExit(codes: readonly number[]): number {
  for (const code of [EXIT.interrupted, EXIT.harness, EXIT.differences]) if (codes.includes(code)) return code;
  return codes.find((c) => c !== EXIT.ok) ?? EXIT.ok;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...valueOptions('region', 'concurrency', 'rate', 'duration', 'out', 'quota', 'baseline', 'history', 'latency-profile'),
    endpoint: { type: 'string', multiple: true },
    label: { type: 'string', multiple: true },
    expect: { type: 'string', multiple: true },
    profile: { type: 'string', multiple: true },
    inject: { type: 'string', multiple: true },
    'no-reference': { type: 'boolean' },
    'no-load': { type: 'boolean' },
  });
  if (values.help) {
    console.log(runUsage);
    return EXIT.ok;
  }
  const quota = intOption(values.quota, 'quota', DEFAULT_THROTTLE_QUOTA, 1);
  const keep = intOption(values.history, 'history', DEFAULT_HISTORY, 0);
  const outDir = resolve(values.out ?? (ROOT ? join(ROOT, 'reports', 'latest') : join('reports', 'latest')));
  const withLoad = !values['no-load'];
  const region = clientRegion(values.region);
  if (values.baseline && !existsSync(values.baseline)) throw new UsageError(`--baseline ${values.baseline}: no such file`);
  const rate = positiveOption(values.rate, 'rate');
  const durationMs = values.duration !== undefined ? parseDuration(values.duration) : undefined;
  if (values.duration !== undefined && !(durationMs !== undefined && durationMs > 0)) throw new UsageError(`--duration must be a duration such as 10s or 500ms, got '${values.duration}'`);
  const { inject } = injectionOptions(values.inject, values['latency-profile']);
  if (inject && values['no-reference']) throw new UsageError('--inject and --latency-profile apply to the reference server, which --no-reference leaves out');
  const referenceExpectations = ROOT ? join(ROOT, 'suites', 'expectations', 'reference.json') : undefined;
  const targets = runTargets({
    endpoints: values.endpoint ?? [],
    labels: values.label ?? [],
    expects: values.expect ?? [],
    profiles: values.profile ?? [],
    reference: !values['no-reference'],
    ...(referenceExpectations && existsSync(referenceExpectations) ? { referenceExpectations } : {}),
    ...(rate !== undefined ? { rate } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(values.concurrency !== undefined ? { concurrency: intOption(values.concurrency, 'concurrency', DEFAULT_CONCURRENCY, 1) } : {}),
  });
  for (const t of targets) {
    if (t.expectationsFile) asUsageError(() => loadExpectations(t.expectationsFile!), ExpectationFileError); // a bad file is a usage error before anything runs
  }

  // Results of the previous run go; its history stays.
  mkdirSync(outDir, { recursive: true });
  for (const old of ['conformance', 'load-latency', 'load-throttle-curve', 'plan', 'index.html', 'report.md', 'junit.xml', ...targets.map((t) => t.dir)]) {
    rmSync(join(outDir, old), { recursive: true, force: true });
  }

  const several = targets.length > 1;
  const named = (step: string, t: RunTarget) => (several ? `${step} · ${t.reference ? 'reference' : t.label}` : step);
  const steps: Step[] = [];
  for (const t of targets) {
    steps.push({ name: named('conformance', t), estimateMs: t.reference ? 10_000 : 60_000 });
    if (!withLoad) continue;
    const lat = latencySchedule(t.load);
    steps.push({ name: named('load latency', t), estimateMs: lat.phases * (lat.phaseMs + 400) + 1500 });
    if (t.reference) steps.push({ name: named('load throttle-curve', t), estimateMs: throttleSchedule(quota).ms + 2000 });
  }
  steps.push({ name: 'report', estimateMs: 1500 });
  const progress = new Progress(steps);
  const started = performance.now();
  progress.log(`kmsbench main job: ${targets.map((t) => (t.reference ? 'embedded reference server' : `${t.label} (${t.spec.kind === 'url' ? t.spec.endpoint : t.spec.kind})`)).join(', ')}; results and report in ${displayPath(outDir)}`);
  for (const t of targets.filter((x) => !x.reference && withLoad)) progress.log(`  ${t.label}: latency run at ${t.load.rate}/s, ${t.load.durationMs / 1000} s per operation (--rate, --duration)`);
  // Ctrl-C: the step in progress ends early and cleans up (conformance: running cases end, the
  // rest are skipped; load: after the current phase), later steps are skipped, and the report
  // shows what was done; exit 130. A second Ctrl-C quits at once.
  const interrupt = onInterrupt(() => progress.log('interrupted: finishing the current step and cleaning up (Ctrl-C again to quit at once)'));
  const outcomes: TargetOutcome[] = [];
  const signal = interrupt.signal;
  try {
    for (const t of targets) {
      const dir = join(outDir, t.dir);
      const outcome: TargetOutcome = { target: t, dir, load: [] };
      outcomes.push(outcome);
      if (signal.aborted) continue;
      const ctx = (step: string): StepContext => ({ progress, step: named(step, t), dir, region: t.reference ? 'us-east-1' : region, signal });
      try {
        outcome.conformance = await conformanceStep(ctx('conformance'), t);
        if (withLoad && !signal.aborted) outcome.load.push(await latencyStep(ctx('load latency'), t, inject));
        if (withLoad && t.reference && !signal.aborted) outcome.load.push(await throttleStep(ctx('load throttle-curve'), quota, inject));
      } catch (err) {
        if (err instanceof LoadAborted) continue;
        if (!(err instanceof TargetError)) throw err;
        // One endpoint out of reach stops its own steps, not the others'.
        outcome.failure = err.message;
        progress.log(`✗ ${t.label}: ${err.message}`);
      } finally {
        const latency = outcome.load.find((l) => l.suite === 'latency');
        if (!outcome.failure) planStep(dir, latency ? { results: latency, source: loadFile(dir, latency) } : undefined);
      }
    }
    progress.begin('report', 'rendering index.html, report.md, junit.xml');
  } finally {
    progress.stop();
    interrupt.stop();
  }

  // The baseline: a file given, else this machine's earlier runs (of the reference server).
  const history = readHistory(outDir);
  const baseline = chooseBaseline(history, values.baseline);
  const indexHtml = reportStep({ outDir, outcomes, baseline, baselineGiven: values.baseline !== undefined });

  // This run joins the history the next run compares against (an interrupted one does not).
  const reference = outcomes.find((o) => o.target.reference);
  if (keep > 0 && reference && reference.load.length > 0 && !signal.aborted) recordHistory(history, reference.load, reference.dir, keep);

  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s; report.md and junit.xml beside it`);
  console.log(`report: ${indexHtml}`);
  if (signal.aborted) return EXIT.interrupted;
  return combinedExit(outcomes.map((o) => (o.failure ? EXIT.harness : (o.conformance?.exitCode ?? EXIT.ok))));
}
