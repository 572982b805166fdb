/**
 * The main job's load steps, each against its own embedded reference server: the latency suite
 * (every main operation at a fixed rate), then the throttle curve at a scaled-down quota, with
 * the server's own counters showing the rates as they happen. load.json in OUT/load-SUITE/.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEventLines, type LoadEvent } from '../../load/events.js';
import { runLoad } from '../../load/run.js';
import type { LoadResults } from '../../results/load-results.js';
import { warmupMs } from '../../load/suite.js';
import { operationLabel } from '../../load/request-mix.js';
import { withTarget, type Target } from '../../target/index.js';
import { LOAD_SUITES } from '../../../suites/load/index.js';
import { LATENCY_OPERATIONS } from '../../../suites/load/latency.js';
import { THROTTLE_FACTORS } from '../../../suites/load/throttle-curve.js';
import { loadTargetOptions } from '../load.js';
import type { Progress } from './progress.js';

const REGION = 'us-east-1';

/** The latency suite's schedule with its defaults: per operation a warm-up, then the measured phase. */
export const latencySchedule = () => {
  const suite = LOAD_SUITES.latency!;
  const d = suite.defaults.durationMs;
  return { phases: LATENCY_OPERATIONS.length, phaseMs: warmupMs(d) + d, rate: suite.defaults.rate ?? 0 };
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

export async function latencyStep(progress: Progress, outDir: string, signal: AbortSignal): Promise<LoadResults> {
  const suite = LOAD_SUITES.latency!;
  const s = latencySchedule();
  const names = LATENCY_OPERATIONS.map(operationLabel);
  let phase = 0;
  let phaseStarted = performance.now();
  const left = () => Math.max(0, (s.phases - phase) * (s.phaseMs + 400) - (performance.now() - phaseStarted));
  const detail = () => `${names[Math.min(phase, s.phases - 1)]} (operation ${Math.min(phase + 1, s.phases)}/${s.phases})  offered ${s.rate}/s (open model)`;
  progress.begin('load latency', detail(), left);
  const results = await withTarget({ kind: 'embedded' }, loadTargetOptions(suite, undefined, REGION), (target) =>
    runLoad({
      suite,
      target,
      signal,
      command: ['run', 'latency'],
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
  writeLoad(outDir, 'load-latency', results);
  return results;
}

export async function throttleStep(progress: Progress, outDir: string, quota: number, signal: AbortSignal): Promise<LoadResults> {
  const suite = LOAD_SUITES['throttle-curve']!;
  const s = throttleSchedule(quota);
  let started: number | null = null;
  let poll: NodeJS.Timeout | undefined;
  let last: { at: number; allowed: number; throttled: number } | undefined;
  progress.begin(`load throttle-curve`, `symmetric quota ${quota}/s, steps ${THROTTLE_FACTORS.join('×, ')}×`, () =>
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
    results = await withTarget({ kind: 'embedded' }, loadTargetOptions(suite, quota, REGION), (target) => {
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
