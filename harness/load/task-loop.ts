/**
 * Open-model load for clients that are async functions (the AWS SDK, the envelope-encryption
 * message stream): each arrival calls `task(op)` at its intended time, without waiting for
 * earlier calls, and records the outcome when the promise settles. Calls still pending when the
 * drain time is over count as unfinished.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { watchGenerator } from './monitor.js';
import { driveSchedule } from './drive.js';
import { weightedPicker } from './open-loop.js';
import { Recorder, type Outcome, type RawRun } from './recorder.js';
import { Schedule, scheduleDurationMs, type Arrivals, type Idle, type Stage } from './schedule.js';

export interface TaskPlan {
  stages: Stage[];
  arrivals?: Arrivals;
  seed?: number;
  share?: { index: number; of: number };
  /** Operation names (results are broken down by them). */
  operations: string[];
  weights?: number[];
  /** How long to wait for calls in flight after the schedule ends (default 10 s). */
  drainMs?: number;
  /** Start time as `performance.timeOrigin + performance.now()`. */
  startAt?: number;
  /** How to wait for arrivals less than 3 ms away (default `auto`; see schedule.ts). */
  idle?: Idle;
}

export interface TaskOutcome {
  outcome: Outcome;
  /** Error code for failures. */
  code?: string;
  /** Attempts the call took (SDK retries); default 1. */
  attempts?: number;
  /** False when no reply came back (transport failure): not recorded in latency histograms. */
  replied?: boolean;
}

/** One call; `measured` is false during warm-up stages (the task should not count extras then). */
export type Task = (op: number, recorder: Recorder, measured: boolean) => Promise<TaskOutcome>;

export async function runTaskOpenModel(plan: TaskPlan, task: Task): Promise<RawRun> {
  const share = plan.share ?? { index: 0, of: 1 };
  const schedule = new Schedule(plan.stages, plan.arrivals ?? 'constant', plan.seed ?? 1, share);
  const pick = weightedPicker(plan.weights ?? plan.operations.map(() => 1), (plan.seed ?? 1) + share.index);
  const rec = new Recorder(plan.operations, plan.stages);
  const scheduledMs = scheduleDurationMs(plan.stages);
  const origin = plan.startAt !== undefined ? plan.startAt - performance.timeOrigin : performance.now();
  const now = () => performance.now() - origin;
  const pending = new Set<{ op: number; stage: number }>();
  let closed = false;
  /** Running average of call latency (ms), for pacing (an object field: no number boxing). */
  const pacing = { recentLatency: 0 };

  const launch = (op: number, stage: number, intended: number, t: number) => {
    rec.sent(op, stage, intended, t, -1);
    const entry = { op, stage };
    pending.add(entry);
    if (pending.size > rec.maxInFlight) rec.maxInFlight = pending.size;
    const settle = (o: TaskOutcome) => {
      if (closed) return;
      pending.delete(entry);
      const done = now();
      pacing.recentLatency += (done - t - pacing.recentLatency) * 0.05;
      rec.completed(op, stage, intended, t, done, o.outcome, o.code, o.replied ?? true, o.attempts ?? 1);
    };
    let p: Promise<TaskOutcome>;
    try {
      p = task(op, rec, rec.measuring(stage));
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(settle, (e: unknown) => settle({ outcome: 'error', code: (e as Error)?.name ?? 'Error', replied: false }));
  };

  const monitor = watchGenerator();
  await driveSchedule({
    schedule,
    now,
    pick,
    rec,
    scheduledMs,
    idle: plan.idle,
    pacing,
    busy: () => pending.size > 0,
    dispatch: (op, stage, intended) => launch(op, stage, intended, now()),
  });
  const scheduleEnd = now();
  const drainUntil = performance.now() + (plan.drainMs ?? 10_000);
  while (pending.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 2));
  closed = true;
  for (const p of pending) rec.unfinished(p.op, p.stage);
  const self = monitor.stop();
  return rec.finish({
    elapsedMs: Math.max(scheduleEnd, now()),
    scheduledMs,
    startedAt: performance.timeOrigin + origin,
    maxConnections: 0,
    ...self,
  });
}
