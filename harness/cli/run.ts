/**
 * `kmsbench run` (what `npm start` runs): the main job against the embedded reference server —
 * the full conformance suite, a short load run (latency, then the throttle curve at a
 * scaled-down quota), the capacity plan of an example workload — and the report of it all in
 * reports/latest/ (index.html, report.md, junit.xml), with the load runs compared to this
 * machine's earlier runs. A progress display runs meanwhile: an updating line on a terminal,
 * plain lines otherwise (CI).
 *
 * Everything goes through the module APIs: runConformance, runLoad, planWorkload, renderReport.
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, EXIT_MEANINGS, type ExitCode } from '../results/conformance-contract.js';
import { loadExpectations } from '../conformance/expectations.js';
import { conformanceJunitXml } from '../results/junit.js';
import type { CaseResult, Results } from '../results/conformance-results.js';
import { runConformance, toolVersion } from '../conformance/runner.js';
import { baselineFile, baselineRun, keepNewest, readRuns, reportDeltas, writeBaseline, type BaselineRun } from '../gate/index.js';
import { BaselineFileSchema } from '../results/baseline-file.js';
import { writeFiles, type ResultFolder } from '../results/result-folder.js';
import { LoadAborted, runLoad } from '../load/run.js';
import type { LoadResults } from '../results/load-results.js';
import { warmupMs } from '../load/suite.js';
import { serverQuotaMetrics } from '../load/target.js';
import { operationLabel } from '../load/request-mix.js';
import { parseWorkloadText, planWorkload } from '../plan/index.js';
import { discoverCases } from '../../suites/index.js';
import { LOAD_SUITES } from '../../suites/load/index.js';
import { LATENCY_OPERATIONS } from '../../suites/load/latency.js';
import { THROTTLE_FACTORS } from '../../suites/load/throttle-curve.js';
import { buildModel, renderModel, type ReportInput } from '../../reports/index.js';
import { intOption, parse, UsageError } from './args.js';

/** The checkout root (suites/ and reports/ live there). */
const ROOT = [new URL('../../', import.meta.url), new URL('../../../', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((d) => existsSync(join(d, 'suites', 'README.md')) && existsSync(join(d, 'package.json')));

export const DEFAULT_THROTTLE_QUOTA = 500;
export const DEFAULT_HISTORY = 10;
const EXAMPLE_WORKLOAD = 'microservice-fleet-envelope-caching.yaml';

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

  Ctrl-C ends the current step cleanly, skips the rest and still writes the report (exit 130).
  exit codes: 0 every conformance case as expected; 1 differences from the expectations;
  3 the run itself failed (see kmsbench conformance --help); 130 interrupted`;

// ───────────────────────────── progress ─────────────────────────────

export interface ProgressState {
  /** 1-based index of the current step, and how many there are. */
  step: number;
  steps: number;
  name: string;
  /** What is happening now: counts, the current phase, the current rate. */
  detail: string;
  elapsedMs: number;
  /** Estimated time left in the whole job. */
  remainingMs: number | null;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The status line (pure). */
export function progressLine(p: ProgressState): string {
  return `[${p.step}/${p.steps} ${p.name}] ${p.detail}  elapsed ${clock(p.elapsedMs)}${p.remainingMs !== null ? `, ~${clock(p.remainingMs)} left` : ''}`;
}

interface Step {
  name: string;
  /** Expected duration before it starts (ms). */
  estimateMs: number;
}

/**
 * Shows progress: on a terminal one line redrawn in place (5 times a second); elsewhere a plain
 * line when a step starts and every 5 s.
 */
class Progress {
  private readonly started = performance.now();
  private stepIndex = -1;
  private stepStarted = 0;
  private detail = '';
  /** Estimated time left in the current step, when the step knows better than its estimate. */
  private stepLeft: (() => number | null) | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastPlain = -Infinity;
  private drawn = false;

  constructor(
    private readonly steps: Step[],
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly tty = !!process.stdout.isTTY,
  ) {}

  begin(name: string, detail = '', left: (() => number | null) | null = null): void {
    this.stepIndex = this.steps.findIndex((s) => s.name === name);
    this.stepStarted = performance.now();
    this.detail = detail;
    this.stepLeft = left;
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tty ? 200 : 1000);
      this.timer.unref();
    }
    this.lastPlain = -Infinity;
    this.tick();
  }

  update(detail: string): void {
    this.detail = detail;
  }

  state(): ProgressState {
    const now = performance.now();
    const i = Math.max(0, this.stepIndex);
    const step = this.steps[i]!;
    const inStep = now - this.stepStarted;
    const left = this.stepLeft?.() ?? Math.max(0, step.estimateMs - inStep);
    const after = this.steps.slice(i + 1).reduce((t, s) => t + s.estimateMs, 0);
    return { step: i + 1, steps: this.steps.length, name: step.name, detail: this.detail, elapsedMs: now - this.started, remainingMs: left + after };
  }

  private tick(): void {
    const line = progressLine(this.state());
    if (this.tty) {
      const width = this.out.columns || 120;
      this.out.write(`\r\x1b[2K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
      this.drawn = true;
    } else if (performance.now() - this.lastPlain >= 5000) {
      this.out.write(`${line}\n`);
      this.lastPlain = performance.now();
    }
  }

  /** A permanent line, above the status line. */
  log(line: string): void {
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K');
    this.out.write(`${line}\n`);
    if (this.tty) this.tick();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}

// ───────────────────────────── steps ─────────────────────────────

/** The latency suite's schedule with its defaults: per operation a warm-up, then the measured phase. */
const latencySchedule = () => {
  const suite = LOAD_SUITES.latency!;
  const d = suite.defaults.durationMs;
  return { phases: LATENCY_OPERATIONS.length, phaseMs: warmupMs(d) + d, rate: suite.defaults.rate ?? 0 };
};

/** The throttle curve's schedule with its defaults (suites/load/throttle-curve.ts). */
const throttleSchedule = (quota: number) => {
  const d = LOAD_SUITES['throttle-curve']!.defaults.durationMs;
  return { ms: Math.min(500, d) + THROTTLE_FACTORS.length * d, stepMs: d, warmupMs: Math.min(500, d), quota };
};

/** A phase's result line from runLoad's log (`NAME: offered …`). */
const PHASE_DONE = /^(\S.*?):\s+(?:offered|closed loop)/;
const EMBEDDED_URL = /embedded reference server (http:\/\/\S+)/;

function conformanceDetail(done: number, total: number, counts: Record<CaseResult['outcome'], number>, perSecond: number, area: string): string {
  return `${done}/${total} cases (${counts.pass} pass, ${counts.fail} fail, ${counts.error} error, ${counts.skip} skip)${area ? `  suite ${area}` : ''}  ${perSecond.toFixed(0)} cases/s`;
}

async function conformanceStep(progress: Progress, outDir: string, signal: AbortSignal): Promise<Results> {
  const discovery = await discoverCases();
  const total = discovery.cases.length;
  const counts = { pass: 0, fail: 0, error: 0, skip: 0 };
  let done = 0;
  const started = performance.now();
  const rate = () => (done > 0 ? done / ((performance.now() - started) / 1000) : 0);
  progress.begin('conformance', `${total} cases`, () => (done >= 10 ? ((total - done) / rate()) * 1000 : null));
  const expectationsFile = ROOT ? join(ROOT, 'suites', 'expectations', 'reference.json') : undefined;
  const expectations = expectationsFile && existsSync(expectationsFile) ? loadExpectations(expectationsFile) : undefined;
  const results = await runConformance({
    target: { kind: 'embedded' },
    region: 'us-east-1',
    cases: discovery.cases,
    loadErrors: discovery.errors,
    ...(expectations ? { expectations, expectationsFile: relative(process.cwd(), expectationsFile!) } : {}),
    signal,
    onCase: (r) => {
      done++;
      counts[r.outcome]++;
      if (!r.asExpected && !signal.aborted) progress.log(`  ✗ ${r.outcome} ${r.id}${r.reason ? `: ${r.reason.slice(0, 160)}` : ''}`);
      progress.update(conformanceDetail(done, total, counts, rate(), r.id.split('.')[0]!));
    },
  });
  if (signal.aborted) results.exitCode = EXIT.interrupted;
  const dir = join(outDir, 'conformance');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'junit.xml'), conformanceJunitXml(results));
  const c = results.counts;
  progress.log(
    `conformance: ${c.total} cases in ${(results.durationMs / 1000).toFixed(1)} s — ${c.pass} pass, ${c.fail} fail, ${c.error} error, ${c.skip} skip; exit ${results.exitCode} (${EXIT_MEANINGS[results.exitCode as ExitCode] ?? ''})`,
  );
  for (const d of results.differences) progress.log(`  ✗ ${d.id} [${d.expected} → ${d.actual}] ${d.message.slice(0, 200)}`);
  return results;
}

async function latencyStep(progress: Progress, outDir: string, signal: AbortSignal): Promise<LoadResults> {
  const s = latencySchedule();
  const names = LATENCY_OPERATIONS.map(operationLabel);
  let phase = 0;
  let phaseStarted = performance.now();
  const left = () => Math.max(0, (s.phases - phase) * (s.phaseMs + 400) - (performance.now() - phaseStarted));
  const detail = () => `${names[Math.min(phase, s.phases - 1)]} (operation ${Math.min(phase + 1, s.phases)}/${s.phases})  offered ${s.rate}/s (open model)`;
  progress.begin('load latency', detail(), left);
  const results = await runLoad({
    suite: LOAD_SUITES.latency!,
    endpoint: 'embedded',
    signal,
    command: ['run', 'latency'],
    log: (line) => {
      const m = PHASE_DONE.exec(line);
      if (m) {
        phase++;
        phaseStarted = performance.now();
        progress.update(detail());
      }
      if (!line.startsWith('embedded reference server')) progress.log(`  ${line.trim()}`);
    },
  });
  writeLoad(outDir, 'load-latency', results);
  return results;
}

async function throttleStep(progress: Progress, outDir: string, quota: number, signal: AbortSignal): Promise<LoadResults> {
  const s = throttleSchedule(quota);
  let started: number | null = null;
  let poll: NodeJS.Timeout | undefined;
  let last: { at: number; allowed: number; throttled: number } | undefined;
  progress.begin(`load throttle-curve`, `symmetric quota ${quota}/s, steps ${THROTTLE_FACTORS.join('×, ')}×`, () =>
    started === null ? null : Math.max(0, s.ms + 1500 - (performance.now() - started)),
  );
  const watch = (url: string) => {
    started = performance.now();
    // The server's own counters give the rates as they happen.
    poll = setInterval(async () => {
      const m = await serverQuotaMetrics(url, 'us-east-1');
      if (!m) return;
      const now = performance.now();
      if (last && now > last.at) {
        const dt = (now - last.at) / 1000;
        const admitted = (m.allowed - last.allowed) / dt;
        const throttled = (m.throttled - last.throttled) / dt;
        const offered = admitted + throttled;
        progress.update(
          `offered ${offered.toFixed(0)}/s (≈${(offered / quota).toFixed(2)}× quota): admitted ${admitted.toFixed(0)}/s, throttled ${throttled.toFixed(0)}/s; quota ${quota}/s`,
        );
      }
      last = { at: now, allowed: m.allowed, throttled: m.throttled };
    }, 1000);
    poll.unref();
  };
  let results: LoadResults;
  try {
    results = await runLoad({
      suite: LOAD_SUITES['throttle-curve']!,
      endpoint: 'embedded',
      quota,
      signal,
      command: ['run', 'throttle-curve', '--quota', String(quota)],
      log: (line) => {
        const url = EMBEDDED_URL.exec(line);
        if (url) return watch(url[1]!);
        progress.log(`  ${line.trim()}`);
      },
    });
  } finally {
    clearInterval(poll);
  }
  writeLoad(outDir, 'load-throttle-curve', results);
  const a = results.analysis;
  if (a.suite === 'throttle-curve') {
    progress.log(
      `throttle curve: knee ${a.knee ? `${a.knee.factor}× (${a.knee.offeredRate.toFixed(0)}/s offered)` : 'none'}, plateau ${a.plateauRate.toFixed(0)}/s admitted of a ${a.quota}/s quota`,
    );
  }
  return results;
}

function writeLoad(outDir: string, name: string, results: LoadResults): void {
  const dir = join(outDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'load.json'), `${JSON.stringify(results, null, 2)}\n`);
}

function planStep(outDir: string): void {
  if (!ROOT) return;
  const file = join(ROOT, 'suites', 'workloads', EXAMPLE_WORKLOAD);
  if (!existsSync(file)) return;
  const plan = planWorkload(parseWorkloadText(readFileSync(file, 'utf8'), file));
  const dir = join(outDir, 'plan');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
}

/** Earlier runs on this machine (history.json), or none. */
function readHistory(path: string): BaselineRun[] {
  if (!existsSync(path)) return [];
  try {
    const parsed = BaselineFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.runs : [];
  } catch {
    return [];
  }
}

// ───────────────────────────── the job ─────────────────────────────

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
    return 0;
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
  const historyPath = join(outDir, 'history.json');
  const history = readHistory(historyPath);
  const baselineRuns = values.baseline ? readRuns(values.baseline) : history;
  const target: ResultFolder = {
    label: 'reference server (embedded)',
    source: displayPath(outDir),
    conformance: [{ file: displayPath(join(outDir, 'conformance', 'results.json')), results: conformance }],
    load: load.map((l) => ({ file: displayPath(join(outDir, `load-${l.suite}`, 'load.json')), results: l })),
    plans: [],
  };
  const planFile = join(outDir, 'plan', 'plan.json');
  if (existsSync(planFile)) {
    const { PlanFileSchema } = await import('../results/plan-results.js');
    target.plans.push({ file: displayPath(planFile), plan: PlanFileSchema.parse(JSON.parse(readFileSync(planFile, 'utf8'))) });
  }
  const input: ReportInput = {
    title: 'kmsbench main job: reference server (embedded)',
    generatedAt: new Date().toISOString(),
    toolVersion: toolVersion(),
    targets: [target],
    ...(baselineRuns.length > 0 && load.length > 0
      ? { deltas: reportDeltas({ source: values.baseline ?? `${displayPath(historyPath)} (the previous runs on this machine)`, runs: baselineRuns }, [target]) }
      : {}),
  };
  const model = buildModel(input);
  const paths = writeFiles(outDir, renderModel(model, input));

  // This run joins the history the next run compares against (an interrupted one does not).
  if (keep > 0 && load.length > 0 && !interrupt.signal.aborted) {
    const runs = keepNewest([...history, ...load.map((l) => baselineRun(l, displayPath(join(outDir, `load-${l.suite}`, 'load.json'))))], keep);
    writeBaseline(historyPath, baselineFile(runs, new Date().toISOString()));
  }

  const deltas = model.targets[0]!.deltas;
  if (load.length > 0) {
    const saturated = model.targets[0]!.load.reduce((n, l) => n + l.saturatedPhases.length, 0);
    if (saturated > 0) console.log(`note: the load generator saturated in ${saturated} phase(s) on this machine; see the warnings in the report`);
    console.log(
      deltas
        ? `against ${values.baseline ? `the baseline (${deltas.baselineRuns} run(s) per suite)` : `the previous ${deltas.baselineRuns} run(s) here`}: ${deltas.result.regressions} regression(s), ${deltas.result.improvements} improvement(s), ${deltas.result.insufficient} metric(s) with too few samples to judge`
        : 'first run here: the next runs will be compared with this one (history.json)',
    );
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s; report.md and junit.xml beside it`);
  console.log(`report: ${paths['index.html']}`);
  return conformance.exitCode;
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
