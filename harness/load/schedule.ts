/**
 * Open-model arrival schedules: the intended send time of every request, fixed before the run
 * and independent of the server's replies.
 *
 * A schedule is a list of stages, each with a rate (constant, or ramping linearly from `rate` to
 * `toRate`). Arrivals are placed in "count space": the cumulative expected number of arrivals
 * N(t) = ∫ rate. Constant arrivals sit at N = 0, 1, 2, …; Poisson arrivals at a running sum of
 * Exp(1) draws; either way the k-th arrival's time is N⁻¹(count), so ramps need no special case
 * and the leftover count carries into the next stage. A stage with rate 0 is a pause.
 *
 * Splitting over worker threads: thread i of n runs the same stages at 1/n of the rate; constant
 * arrivals are offset by i/n of an interval so the threads interleave exactly, Poisson streams
 * get distinct seeds (a sum of Poisson processes is Poisson).
 *
 * @module
 */
import { mulberry32 } from '../../common/numeric.js';

export type Arrivals = 'constant' | 'poisson';

export interface Stage {
  /** Stage length in milliseconds. */
  durationMs: number;
  /** Requests per second at the start of the stage. */
  rate: number;
  /** Requests per second at the end (linear ramp); default `rate`. */
  toRate?: number;
  /** Shown in results (e.g. `2x`, `warm-up`). */
  label?: string;
  /** Record this stage's requests in the results (default true; false for warm-up). */
  measure?: boolean;
}

export interface Arrival {
  /** Intended send time, ms from the start of the run. */
  t: number;
  /** Index into the stage list. */
  stage: number;
}

/** Deterministic uniform [0, 1) numbers (mulberry32). */
export const rng = mulberry32;

/** Expected arrivals in a stage: ∫ rate over its duration. */
export const stageCount = (s: Stage): number => ((s.rate + (s.toRate ?? s.rate)) / 2) * (s.durationMs / 1000);

export const scheduleDurationMs = (stages: readonly Stage[]): number => stages.reduce((t, s) => t + s.durationMs, 0);

export const expectedArrivals = (stages: readonly Stage[]): number => stages.reduce((n, s) => n + stageCount(s), 0);

/** The highest rate any stage reaches. */
export const peakRate = (stages: readonly Stage[]): number => stages.reduce((r, s) => Math.max(r, s.rate, s.toRate ?? s.rate), 0);

/** Time (ms from the stage start) at which `count` arrivals are expected in stage `s`. */
function timeInStage(s: Stage, count: number): number {
  const T = s.durationMs / 1000;
  const r0 = s.rate;
  const r1 = s.toRate ?? s.rate;
  if (r0 === r1) return (count / r0) * 1000;
  // N(t) = r0 t + a t², a = (r1 - r0) / 2T; t = 2c / (r0 + sqrt(r0² + 4ac)) (stable for a < 0 too).
  const a = (r1 - r0) / (2 * T);
  const d = Math.max(0, r0 * r0 + 4 * a * count);
  const denom = r0 + Math.sqrt(d);
  return denom > 0 ? ((2 * count) / denom) * 1000 : s.durationMs;
}

export class Schedule {
  readonly stages: readonly Stage[];
  readonly durationMs: number;
  private readonly step: () => number;
  private stage = 0;
  private stageStart = 0;
  private stageTotal: number;
  /** Position in the current stage's count space. */
  private count: number;

  /**
   * @param share  this thread's part: rates are divided by `share.of`; constant arrivals are
   *               shifted by `share.index / share.of` of an interval.
   */
  constructor(stages: readonly Stage[], arrivals: Arrivals = 'constant', seed = 1, share: { index: number; of: number } = { index: 0, of: 1 }) {
    this.stages = stages.map((s) => ({ ...s, rate: s.rate / share.of, ...(s.toRate !== undefined ? { toRate: s.toRate / share.of } : {}) }));
    this.durationMs = scheduleDurationMs(stages);
    if (arrivals === 'poisson') {
      const u = rng((seed + share.index * 0x9e3779b9) >>> 0);
      this.step = () => -Math.log(1 - u());
      this.count = this.step();
    } else {
      this.step = () => 1;
      this.count = share.index / share.of;
    }
    this.stageTotal = this.stages.length > 0 ? stageCount(this.stages[0]!) : 0;
  }

  /** Intended time (ms) of the arrival `advance` moved to. */
  t = 0;
  /** Its stage. */
  at = 0;

  /** The next arrival, or undefined when the schedule is over. */
  next(): Arrival | undefined {
    return this.advance() ? { t: this.t, stage: this.at } : undefined;
  }

  /** Moves to the next arrival (`t`, `at`) without allocating; false when the schedule is over. */
  advance(): boolean {
    while (this.stage < this.stages.length) {
      if (this.count < this.stageTotal) {
        const s = this.stages[this.stage]!;
        this.t = this.stageStart + timeInStage(s, this.count);
        this.at = this.stage;
        this.count += this.step();
        return true;
      }
      this.count -= this.stageTotal;
      this.stageStart += this.stages[this.stage]!.durationMs;
      this.stage++;
      this.stageTotal = this.stage < this.stages.length ? stageCount(this.stages[this.stage]!) : 0;
    }
    return false;
  }
}

/**
 * How a generator waits for its next arrival when it is less than 3 ms away (longer waits use a
 * timer that fires ~2 ms early):
 *
 * - `spin`: go round the event loop (setImmediate) until it is due. Precise, and replies are read
 *   the moment they arrive, but it burns a core whatever the rate, allocates an Immediate per
 *   turn (at 10,000/s: ~50 young-generation collections a second, each a pause in the schedule),
 *   and on a busy machine a thread that never sleeps is the first the OS preempts.
 * - `auto` (default): with nothing in flight, sleep the thread (Atomics.wait) until ~0.1 ms
 *   before the arrival and spin the rest (the kernel's timer slack makes short sleeps overshoot by
 *   50–100 µs). With requests in flight, spin (replies read at once) while the endpoint's recent
 *   latency is under `NAP_LATENCY_MS`; above it, nap as in `nap` mode — reading a reply up to
 *   ~0.2 ms late is then under 5 % of its latency, and the CPU saved goes to the endpoint (or
 *   whatever else shares the machine).
 * - `nap`: sleep even while requests are in flight, in naps of `NAP_IN_FLIGHT_MS` (plus the
 *   slack): the least CPU, but a reply may be read up to ~0.1–0.2 ms after it arrived, which
 *   inflates latencies of fast endpoints by about that much.
 */
export type Idle = 'spin' | 'auto' | 'nap';

/** Longest nap while requests are in flight, `nap` mode (ms). */
export const NAP_IN_FLIGHT_MS = 0.02;
/** `auto` naps while requests are in flight once the recent latency reaches this (ms). */
export const NAP_LATENCY_MS = 4;
/** How early a nap before an arrival ends, to absorb the kernel's timer slack (ms). */
export const NAP_MARGIN_MS = 0.12;

const napCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Calls `tick` again when the next arrival, `wait` ms from now, is due (or sooner).
 * `recentLatencyMs`: a running average of the endpoint's latency (for `auto`).
 */
export function pace(tick: () => void, wait: number, inFlight: boolean, idle: Idle = 'auto', recentLatencyMs = 0): void {
  if (wait > 3) {
    // Timers have millisecond granularity and fire late on a busy machine: wake ~2 ms early.
    setTimeout(tick, Math.floor(wait - 2));
    return;
  }
  if (idle === 'nap' || (idle === 'auto' && (!inFlight || recentLatencyMs >= NAP_LATENCY_MS))) {
    const nap = inFlight ? Math.min(wait, NAP_IN_FLIGHT_MS) : wait - NAP_MARGIN_MS;
    if (nap > 0.005) Atomics.wait(napCell, 0, 0, nap);
  }
  setImmediate(tick);
}
