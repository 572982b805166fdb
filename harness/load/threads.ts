/**
 * Running load jobs: in this thread (`--threads 0`), or over worker threads — by default enough
 * for the rate and at least one, so the generator never shares an event loop with an embedded
 * server in this thread. Each thread runs the same stages at 1/n of the rate (see schedule.ts);
 * they start together at an agreed time and their records are merged.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { EnvelopePlan } from './envelope.js';
import type { RawPlan } from './open-loop.js';
import { mergeRuns, type RawRun } from './recorder.js';
import type { SaturatePlan, SaturateResult } from './saturate.js';
import { peakRate } from './schedule.js';
import type { SdkPlan } from './sdk.js';

export type OpenJob = { kind: 'raw'; plan: RawPlan } | { kind: 'sdk'; plan: SdkPlan } | { kind: 'envelope'; plan: EnvelopePlan };
export type Job = OpenJob | { kind: 'saturate'; plan: SaturatePlan };

/** Requests per second one thread sustains comfortably, by client (measured on a 2-core box: scripts/bench-loadgen). */
export const PER_THREAD_RATE = { raw: 12_000, sdk: 400, envelope: 400 } as const;

/** Threads for a job: enough for its peak rate, at most one per core. */
export function autoThreads(job: OpenJob): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(peakRate(job.plan.stages) / PER_THREAD_RATE[job.kind])));
}

/** Loads the engine a job kind needs (workers do it before they report ready). */
export async function preload(kind: Job['kind']): Promise<void> {
  if (kind === 'raw') await import('./open-loop.js');
  else if (kind === 'sdk') await import('./sdk.js');
  else if (kind === 'envelope') await import('./envelope.js');
  else await import('./saturate.js');
}

/** Runs one share of an open-model job (or a saturation job) in this thread. */
export async function runJobHere(job: Job, share?: { index: number; of: number }, startAt?: number): Promise<RawRun | SaturateResult> {
  const extra = { ...(share ? { share } : {}), ...(startAt !== undefined ? { startAt } : {}) };
  switch (job.kind) {
    case 'raw': {
      const { runRawOpenModel } = await import('./open-loop.js');
      return runRawOpenModel({ ...job.plan, ...extra });
    }
    case 'sdk': {
      const { runSdkOpenModel } = await import('./sdk.js');
      return runSdkOpenModel({ ...job.plan, ...extra });
    }
    case 'envelope': {
      const { runEnvelopeOpenModel } = await import('./envelope.js');
      return runEnvelopeOpenModel({ ...job.plan, ...extra });
    }
    case 'saturate': {
      const { runSaturate } = await import('./saturate.js');
      return runSaturate(job.plan);
    }
  }
}

const fromSource = import.meta.url.endsWith('.ts');

function spawn(kind: Job['kind']): Worker {
  const file = new URL(fromSource ? './load-thread.ts' : './load-thread.js', import.meta.url);
  const workerData = { preload: kind };
  if (!fromSource) return new Worker(file, { workerData });
  // Sources (vitest, tsx): register tsx inside the worker before loading the TypeScript module.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })`, { eval: true, workerData });
}

type WorkerMessage = { type: 'booted' } | { type: 'result'; result: RawRun | SaturateResult } | { type: 'error'; message: string; stack?: string };

class ThreadError extends Error {
  override readonly name = 'ThreadError';
}

/** Starts `n` workers and waits until each has loaded the modules `kind` needs. */
async function boot(n: number, kind: Job['kind']): Promise<Worker[]> {
  const workers = Array.from({ length: n }, () => spawn(kind));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', (m: WorkerMessage) => (m.type === 'booted' ? resolve() : reject(new ThreadError(`worker did not boot: ${JSON.stringify(m)}`))));
            w.once('error', reject);
            w.once('exit', (code) => reject(new ThreadError(`worker exited with ${code} while booting`)));
          }),
      ),
    );
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  return workers;
}

function result(w: Worker): Promise<RawRun | SaturateResult> {
  return new Promise((resolve, reject) => {
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'result') resolve(m.result);
      else if (m.type === 'error') reject(Object.assign(new ThreadError(m.message), { stack: m.stack }));
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new ThreadError(`load worker exited with ${code}`)));
  });
}

/** How long after the workers booted the schedule starts (they open connections meanwhile). */
export const START_DELAY_MS = 300;

/**
 * Runs an open-model job over `threads` worker threads (0: in this thread) and merges their
 * records.
 */
export async function runOpenJob(job: OpenJob, threads: number): Promise<RawRun> {
  if (threads <= 0) return (await runJobHere(job)) as RawRun;
  const workers = await boot(threads, job.kind);
  try {
    const startAt = performance.timeOrigin + performance.now() + START_DELAY_MS;
    const results = workers.map(result);
    workers.forEach((w, index) => w.postMessage({ type: 'run', job, share: { index, of: threads }, startAt }));
    const runs = (await Promise.all(results)) as RawRun[];
    return mergeRuns(runs);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Runs a saturation job in one worker thread (0: in this thread). */
export async function runSaturateJob(plan: SaturatePlan, threads = 1): Promise<SaturateResult> {
  if (threads <= 0) return (await runJobHere({ kind: 'saturate', plan })) as SaturateResult;
  const [w] = await boot(1, 'saturate');
  try {
    const r = result(w!);
    w!.postMessage({ type: 'run', job: { kind: 'saturate', plan } });
    return (await r) as SaturateResult;
  } finally {
    await w!.terminate();
  }
}
