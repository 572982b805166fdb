/**
 * Open-model load for clients that are async functions (the AWS SDK, the envelope-encryption
 * message stream): each arrival calls `task(op)` at its intended time, without waiting for
 * earlier calls, and records the outcome when the promise settles. Calls still pending when the
 * drain time is over count as unfinished.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { driveToEnd, openModel, originOf, type OpenModelPlan } from './drive.js';
import type { Outcome, RawRun, Recorder } from './recorder.js';

export interface TaskPlan extends OpenModelPlan {
  /** Operation names (results are broken down by them). */
  operations: string[];
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
  const model = openModel(plan, plan.operations);
  const { rec } = model;
  const origin = originOf(plan);
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

  return driveToEnd(plan, {
    ...model,
    now,
    origin,
    maxConnections: 0,
    pacing,
    busy: () => pending.size > 0,
    dispatch: (op, stage, intended) => launch(op, stage, intended, now()),
    waiting: () => pending.size > 0,
    close: () => {
      closed = true;
      for (const p of pending) rec.unfinished(p.op, p.stage);
    },
  });
}
