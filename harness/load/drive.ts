/**
 * The open-model send loop shared by the raw and the SDK engines: walks the schedule, records
 * each arrival as offered at its intended time, hands it to the engine's `dispatch`, and paces
 * itself until the next arrival is due. It never waits for replies.
 *
 * @module
 */
import type { Recorder } from './recorder.js';
import { pace, type Idle, type Schedule } from './schedule.js';

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
