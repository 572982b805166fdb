/**
 * The main job's load steps: the latency suite (every main operation at a fixed rate) against each
 * target — its own embedded reference server, or the endpoint at the target's low, safe rate —
 * then, for the reference server only, the throttle curve at a scaled-down quota, with the
 * server's own counters showing the rates as they happen. load.json in OUT/<target>/load-SUITE/.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEventLines, type LoadEvent } from '../../harness/load/events.js';
import { runLoad } from '../../harness/load/run.js';
import type { LoadResults } from '../../harness/results/load-results.js';
import { warmupMs } from '../../harness/load/suite.js';
import { operationLabel } from '../../harness/load/request-mix.js';
import { withTarget, type Target } from '../../harness/target/index.js';
import { LOAD_SUITES } from '../../suites/load/index.js';
import { LATENCY_OPERATIONS } from '../../suites/load/latency.js';
import { THROTTLE_FACTORS } from '../../suites/load/throttle-curve.js';
import { loadTargetOptions } from '../load.js';
import type { EmbeddedInjection } from '../../harness/target/index.js';
import type { StepContext } from './conformance-step.js';
import type { Progress } from './progress.js';
import type { RunTarget } from './targets.js';

/** The latency suite's schedule at a rate and phase length: per operation a warm-up, then the measured phase. */
export const latencySchedule = (load: RunTarget['load']) => {
  const d = load.durationMs;
  return { phases: LATENCY_OPERATIONS.length, phaseMs: warmupMs(d) + d, rate: load.rate };
};

/** The throttle curve's schedule with its defaults (suites/load/throttle-curve.ts). */
export const throttleSchedule = (quota: number) => {
  const d = LOAD_SUITES['throttle-curve']!.defaults.durationMs;
  return { ms: Math.min(500, d) + THROTTLE_FACTORS.length * d, stepMs: d, warmupMs: Math.min(500, d), quota };
};

/** Prints an event's lines, indented, above the status line. */
const logEvent = (progress: Progress, e: LoadEvent) => {
  for (const line of loadEventLines(e)) progress.log(`  ${line.trim()}`);
};

/** The latency run against a target (the reference server with what `--inject` asks of it). */
export async function latencyStep(c: StepContext, t: RunTarget, inject: EmbeddedInjection | undefined): Promise<LoadResults> {
  const { progress, signal } = c;
  const suite = LOAD_SUITES.latency!;
  const s = latencySchedule(t.load);
  const names = LATENCY_OPERATIONS.map(operationLabel);
  let phase = 0;
  let phaseStarted = performance.now();
  const left = () => Math.max(0, (s.phases - phase) * (s.phaseMs + 400) - (performance.now() - phaseStarted));
  const detail = () => `${names[Math.min(phase, s.phases - 1)]} (operation ${Math.min(phase + 1, s.phases)}/${s.phases})  offered ${s.rate}/s (open model)`;
  progress.begin(c.step, detail(), left);
  const options = { ...loadTargetOptions(suite, undefined, c.region, t.reference ? inject : undefined), ...(t.profile ? { profile: t.profile } : {}) };
  const results = await withTarget(t.spec, options, (target) =>
    runLoad({
      suite,
      target,
      signal,
      rate: t.load.rate,
      durationMs: t.load.durationMs,
      command: ['run', 'latency', '--rate', String(t.load.rate), '--duration', `${t.load.durationMs}ms`],
      onEvent: (e) => {
        if (e.type === 'phase-done') {
          phase++;
          phaseStarted = performance.now();
          progress.update(detail());
        }
        logEvent(progress, e);
      },
    }),
  );
  writeLoad(c.dir, 'load-latency', results);
  return results;
}

/** The throttle curve on its own embedded reference server (never against an endpoint: it offers up to 3× the quota). */
export async function throttleStep(c: StepContext, quota: number, inject: EmbeddedInjection | undefined): Promise<LoadResults> {
  const { progress, signal } = c;
  const suite = LOAD_SUITES['throttle-curve']!;
  const s = throttleSchedule(quota);
  let started: number | null = null;
  let poll: NodeJS.Timeout | undefined;
  let last: { at: number; allowed: number; throttled: number } | undefined;
  progress.begin(c.step, `symmetric quota ${quota}/s, steps ${THROTTLE_FACTORS.join('×, ')}×`, () =>
    started === null ? null : Math.max(0, s.ms + 1500 - (performance.now() - started)),
  );
  const watch = (target: Target) => {
    started = performance.now();
    // The server's own counters give the rates as they happen.
    poll = setInterval(async () => {
      const m = await target.quotaMetrics();
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
    results = await withTarget({ kind: 'embedded' }, loadTargetOptions(suite, quota, c.region, inject), (target) => {
      watch(target);
      return runLoad({
        suite,
        target,
        quota,
        signal,
        command: ['run', 'throttle-curve', '--quota', String(quota)],
        onEvent: (e) => logEvent(progress, e),
      });
    });
  } finally {
    clearInterval(poll);
  }
  writeLoad(c.dir, 'load-throttle-curve', results);
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
