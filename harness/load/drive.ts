/**
 * The open-model run shared by the raw and the SDK engines: the schedule, the weighted choice of
 * operation and the recorder a plan asks for ({@link openModel}); the send loop, which walks the
 * schedule, records each arrival as offered at its intended time, hands it to the engine's
 * `dispatch` and paces itself until the next arrival is due, never waiting for replies
 * ({@link driveSchedule}); and the end of a run, which drains what is in flight and finishes the
 * recorder ({@link driveToEnd}).
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { watchGenerator } from './monitor.js';
import { Recorder, type RawRun } from './recorder.js';
import { pace, rng, Schedule, scheduleDurationMs, type Arrivals, type Idle, type Stage } from './schedule.js';

/** What an open-model plan says about its arrivals, whatever the engine sends them with. */
export interface OpenModelPlan {
  stages: Stage[];
  arrivals?: Arrivals;
  seed?: number;
  /** This thread's share of the load (see Schedule). */
  share?: { index: number; of: number };
  /** Mix weights, one per operation (default: equal). */
  weights?: number[];
  /** How long to wait for calls in flight after the schedule ends (default 10 s). */
  drainMs?: number;
  /** Start time as `performance.timeOrigin + performance.now()` (threads start together). */
  startAt?: number;
  /** How to wait for arrivals less than 3 ms away (default `auto`; see schedule.ts). */
  idle?: Idle;
}

/** The schedule, operation picker and recorder of a plan whose operations are `operations`. */
export function openModel(plan: OpenModelPlan, operations: string[]): { schedule: Schedule; pick: () => number; rec: Recorder; scheduledMs: number } {
  const share = plan.share ?? { index: 0, of: 1 };
  return {
    schedule: new Schedule(plan.stages, plan.arrivals ?? 'constant', plan.seed ?? 1, share),
    pick: weightedPicker(plan.weights ?? operations.map(() => 1), (plan.seed ?? 1) + share.index),
    rec: new Recorder(operations, plan.stages),
    scheduledMs: scheduleDurationMs(plan.stages),
  };
}

/** The run's origin (ms on `performance.now()`'s clock): the plan's shared start, or now. */
export const originOf = (plan: OpenModelPlan): number => (plan.startAt !== undefined ? plan.startAt - performance.timeOrigin : performance.now());

/** Picks an operation index by weight (deterministic for a seed). */
export function weightedPicker(weights: number[], seed: number): () => number {
  if (weights.length <= 1) return () => 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  const u = rng(seed ^ 0x5bd1e995);
  return () => {
    const x = u();
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]!) return i;
    return cumulative.length - 1;
  };
}

export interface DriveOptions {
  schedule: Schedule;
  /** Milliseconds since the run's origin. */
  now: () => number;
  /** Picks the operation (template) index of the next arrival. */
  pick: () => number;
  rec: Recorder;
  /** Length of the schedule in ms (an arrival dispatched within 1 ms of it counts as on time). */
  scheduledMs: number;
  idle: Idle | undefined;
  /** Running average of the endpoint's latency, read at every tick (for `auto` pacing). */
  pacing: { recentLatency: number };
  /** Whether requests are in flight (for pacing). */
  busy: () => boolean;
  /** Sends (or queues) one arrival. */
  dispatch: (op: number, stage: number, intended: number, t: number) => void;
}

/** Resolves when the last arrival of the schedule has been dispatched. */
export function driveSchedule(o: DriveOptions): Promise<void> {
  const { schedule, now, pick, rec, scheduledMs } = o;
  let more = schedule.advance();
  return new Promise<void>((resolve) => {
    const tick = () => {
      const t = now();
      while (more && schedule.t <= t) {
        const intended = schedule.t;
        const stage = schedule.at;
        const op = pick();
        rec.scheduled++;
        if (t <= scheduledMs + 1) rec.onTime++;
        rec.offered(op, stage, intended);
        rec.handled(stage, intended, t);
        o.dispatch(op, stage, intended, t);
        more = schedule.advance();
      }
      if (!more) return resolve();
      pace(tick, schedule.t - now(), o.busy(), o.idle, o.pacing.recentLatency);
    };
    tick();
  });
}

export interface DriveToEndOptions extends Omit<DriveOptions, 'idle'> {
  /** The run's origin (see {@link originOf}): `now()` counts from it. */
  origin: number;
  /** Whether calls are still queued or in flight: the drain waits for them. */
  waiting: () => boolean;
  /** After the drain: count what is left as unfinished and let go of it. */
  close: () => void;
  /** Connections the engine may open (0 for clients that own theirs). */
  maxConnections: number;
}

/** Drives the schedule of `plan`, waits (at most its `drainMs`) for the calls in flight, closes and finishes the run. */
export async function driveToEnd(plan: OpenModelPlan, o: DriveToEndOptions): Promise<RawRun> {
  const monitor = watchGenerator();
  await driveSchedule({ ...o, idle: plan.idle });
  const scheduleEnd = o.now();
  const drainUntil = performance.now() + (plan.drainMs ?? 10_000);
  while (o.waiting() && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 2));
  const self = monitor.stop();
  o.close();
  return o.rec.finish({
    elapsedMs: Math.max(scheduleEnd, o.now()),
    scheduledMs: o.scheduledMs,
    startedAt: performance.timeOrigin + o.origin,
    maxConnections: o.maxConnections,
    ...self,
  });
}
