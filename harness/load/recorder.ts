/**
 * What an open-model run records: counts, latency histograms (from the intended and from the
 * actual send time), send lag, per-second samples and per-operation / per-stage breakdowns.
 * One Recorder per thread; `RawRun`s from several threads merge into one.
 *
 * Every request is attributed to the second and the stage of its **intended** send time, so a
 * second's throttled fraction is the fraction of the requests offered in that second.
 *
 * @module
 */
import { merged, newHistogram, recordMs, type NsHistogram } from './histogram.js';
import type { Stage } from './schedule.js';

export interface Counts {
  /** Requests the schedule asked for. */
  offered: number;
  /** Requests written to the wire (or handed to the SDK). */
  sent: number;
  /** Requests with an outcome: succeeded + throttled + errors. */
  completed: number;
  succeeded: number;
  /** Refused with ThrottlingException (from the reply's `__type`, or the SDK's error name). */
  throttled: number;
  /** Other error replies and transport failures. */
  errors: number;
  /** Offered but without an outcome when the run ended (still queued or in flight after the drain). */
  unfinished: number;
}

export const zeroCounts = (): Counts => ({ offered: 0, sent: 0, completed: 0, succeeded: 0, throttled: 0, errors: 0, unfinished: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  return { ...addSeconds({ ...a }, b), unfinished: a.unfinished + b.unfinished };
}

export interface Group {
  counts: Counts;
  /** From the intended send time to the reply (coordinated-omission free), every reply. */
  latency: NsHistogram;
  /** From the actual send time to the reply, every reply. */
  service: NsHistogram;
  /** From the intended send time, successful replies only. */
  success: NsHistogram;
  /** Error code → count (`__type` without namespace; `Transport` for connection failures). */
  errorCodes: Record<string, number>;
  /** SDK mode: attempts made (1 + retries) over all calls. */
  attempts: number;
}

const newGroup = (): Group => ({ counts: zeroCounts(), latency: newHistogram(), service: newHistogram(), success: newHistogram(), errorCodes: {}, attempts: 0 });

/** One second's counts: as {@link Counts}, without `unfinished` (known only at the end of a run). */
export type SecondCounts = Omit<Counts, 'unfinished'>;

export interface SecondSample extends SecondCounts {
  second: number;
  byOperation?: Record<string, SecondCounts>;
}

const zeroSecond = (): SecondCounts => ({ offered: 0, sent: 0, completed: 0, succeeded: 0, throttled: 0, errors: 0 });

/** A run's raw record: plain data plus perf_hooks histograms (both survive postMessage). */
export interface RawRun {
  operations: string[];
  stages: Stage[];
  total: Group;
  byOperation: Group[];
  byStage: Group[];
  /** Requests of stages with `measure: false` (counted, not in the histograms or samples). */
  unmeasured: Counts;
  perSecond: SecondSample[];
  /** Per-second samples by operation, when there is more than one. */
  perSecondByOperation: SecondCounts[][];
  /** Intended → actual send (the generator's lateness plus any wait for a free connection). */
  sendLag: NsHistogram;
  /** Intended → the moment the generator handled the arrival (its own lateness only). */
  scheduleLag: NsHistogram;
  /** Waits for a free connection (raw client at its connection limit). */
  connectionWait: NsHistogram;
  /** Arrivals the generator handled before the schedule's end (+1 ms). */
  onTime: number;
  /** Arrivals the schedule held. */
  scheduled: number;
  /** Requests that had to wait for a free connection. */
  queuedForConnection: number;
  /** … of which arrived when every connection allowed was open and busy. */
  queuedAtLimit: number;
  connectionsOpened: number;
  maxConnections: number;
  maxInFlight: number;
  /** Event-loop delay of the generator thread (ms; with several threads, the worst thread's). */
  eventLoopDelayMs?: { mean: number; p50: number; p99: number; max: number };
  /** Busy fraction of the generator's event loop (worst thread). */
  eventLoopUtilization: number;
  /** Garbage-collection pauses of the generator threads (count and total summed, max of all). */
  gc: { count: number; totalMs: number; maxMs: number };
  elapsedMs: number;
  scheduledMs: number;
  /** The schedule's time 0 as `performance.timeOrigin + performance.now()` (ms; comparable across processes to ~1 ms). */
  startedAt: number;
  threads: number;
  /** Extra counters of special clients (data-key cache hits, KMS calls …). */
  extra: Record<string, number>;
}

export type Outcome = 'ok' | 'throttled' | 'error';

function tally(g: Group, intended: number, sentAt: number, now: number, outcome: Outcome, code: string | undefined, replied: boolean, attempts: number): void {
  const c = g.counts;
  c.completed++;
  g.attempts += attempts;
  if (outcome === 'ok') c.succeeded++;
  else if (outcome === 'throttled') c.throttled++;
  else c.errors++;
  if (outcome !== 'ok' && code !== undefined) g.errorCodes[code] = (g.errorCodes[code] ?? 0) + 1;
  if (replied) {
    recordMs(g.latency, now - intended);
    if (sentAt >= 0) recordMs(g.service, now - sentAt);
    if (outcome === 'ok') recordMs(g.success, now - intended);
  }
}

/** Hot-path recorder for one thread. Times are ms on one clock (the engine's). */
export class Recorder {
  readonly total = newGroup();
  readonly byOperation: Group[];
  readonly byStage: Group[];
  readonly unmeasured = zeroCounts();
  readonly perSecond: SecondSample[] = [];
  readonly perSecondByOperation: SecondCounts[][] = [];
  readonly sendLag = newHistogram();
  readonly scheduleLag = newHistogram();
  readonly connectionWait = newHistogram();
  readonly extra: Record<string, number> = {};
  onTime = 0;
  scheduled = 0;
  queuedForConnection = 0;
  queuedAtLimit = 0;
  connectionsOpened = 0;
  maxInFlight = 0;
  private readonly measure: boolean[];
  private readonly perOp: boolean;

  constructor(
    readonly operations: string[],
    readonly stages: Stage[],
  ) {
    // With one operation or one stage the breakdown equals the total: share it (less hot-path work).
    this.byOperation = operations.length === 1 ? [this.total] : operations.map(newGroup);
    this.byStage = stages.length === 1 ? [this.total] : stages.map(newGroup);
    this.measure = stages.map((s) => s.measure !== false);
    this.perOp = operations.length > 1;
  }

  private second(t: number): SecondSample {
    const s = t < 0 ? 0 : Math.floor(t / 1000);
    for (let i = this.perSecond.length; i <= s; i++) {
      this.perSecond.push({ second: i, ...zeroSecond() });
      if (this.perOp) this.perSecondByOperation.push(this.operations.map(zeroSecond));
    }
    return this.perSecond[s]!;
  }

  private secondOp(t: number, op: number): SecondCounts | undefined {
    if (!this.perOp) return undefined;
    this.second(t);
    return this.perSecondByOperation[t < 0 ? 0 : Math.floor(t / 1000)]![op];
  }

  measuring(stage: number): boolean {
    return this.measure[stage]!;
  }

  private count(op: number, stage: number, field: 'offered' | 'sent' | 'unfinished'): void {
    this.total.counts[field]++;
    const byOp = this.byOperation[op]!;
    const byStage = this.byStage[stage]!;
    if (byOp !== this.total) byOp.counts[field]++;
    if (byStage !== this.total) byStage.counts[field]++;
  }

  offered(op: number, stage: number, intended: number): void {
    if (!this.measure[stage]) {
      this.unmeasured.offered++;
      return;
    }
    this.count(op, stage, 'offered');
    this.second(intended).offered++;
    const so = this.secondOp(intended, op);
    if (so) so.offered++;
  }

  /** The generator handled the arrival at `handled` (ms); records schedule lag. */
  handled(stage: number, intended: number, handled: number): void {
    if (!this.measure[stage]) return;
    recordMs(this.scheduleLag, handled - intended);
  }

  sent(op: number, stage: number, intended: number, sentAt: number, queuedAt: number): void {
    if (!this.measure[stage]) {
      this.unmeasured.sent++;
      return;
    }
    this.count(op, stage, 'sent');
    this.second(intended).sent++;
    const so = this.secondOp(intended, op);
    if (so) so.sent++;
    recordMs(this.sendLag, sentAt - intended);
    if (queuedAt >= 0) {
      this.queuedForConnection++;
      recordMs(this.connectionWait, sentAt - queuedAt);
    }
  }

  /**
   * An outcome. `sentAt` < 0 means the request never reached the wire (transport failure before
   * sending); replies (`replied`) are recorded in the latency histograms.
   */
  completed(op: number, stage: number, intended: number, sentAt: number, now: number, outcome: Outcome, code: string | undefined, replied: boolean, attempts = 1): void {
    if (!this.measure[stage]) {
      const c = this.unmeasured;
      c.completed++;
      if (outcome === 'ok') c.succeeded++;
      else if (outcome === 'throttled') c.throttled++;
      else c.errors++;
      return;
    }
    const byOp = this.byOperation[op]!;
    const byStage = this.byStage[stage]!;
    tally(this.total, intended, sentAt, now, outcome, code, replied, attempts);
    if (byOp !== this.total) tally(byOp, intended, sentAt, now, outcome, code, replied, attempts);
    if (byStage !== this.total) tally(byStage, intended, sentAt, now, outcome, code, replied, attempts);
    const s = this.second(intended);
    const so = this.secondOp(intended, op);
    s.completed++;
    if (so) so.completed++;
    if (outcome === 'ok') {
      s.succeeded++;
      if (so) so.succeeded++;
    } else if (outcome === 'throttled') {
      s.throttled++;
      if (so) so.throttled++;
    } else {
      s.errors++;
      if (so) so.errors++;
    }
  }

  /** Requests offered and never completed: counted as unfinished. */
  unfinished(op: number, stage: number): void {
    if (!this.measure[stage]) {
      this.unmeasured.unfinished++;
      return;
    }
    this.count(op, stage, 'unfinished');
  }

  add(name: string, n = 1): void {
    this.extra[name] = (this.extra[name] ?? 0) + n;
  }

  finish(extra: {
    elapsedMs: number;
    scheduledMs: number;
    startedAt: number;
    maxConnections: number;
    eventLoopDelayMs?: RawRun['eventLoopDelayMs'];
    eventLoopUtilization: number;
    gc: RawRun['gc'];
  }): RawRun {
    return {
      operations: this.operations,
      stages: this.stages,
      total: this.total,
      byOperation: this.byOperation,
      byStage: this.byStage,
      unmeasured: this.unmeasured,
      perSecond: this.perSecond,
      perSecondByOperation: this.perSecondByOperation,
      sendLag: this.sendLag,
      scheduleLag: this.scheduleLag,
      connectionWait: this.connectionWait,
      onTime: this.onTime,
      scheduled: this.scheduled,
      queuedForConnection: this.queuedForConnection,
      queuedAtLimit: this.queuedAtLimit,
      connectionsOpened: this.connectionsOpened,
      maxInFlight: this.maxInFlight,
      threads: 1,
      extra: this.extra,
      ...extra,
    };
  }
}

function mergeGroups(groups: Group[]): Group {
  const codes: Record<string, number> = {};
  for (const g of groups) for (const [k, v] of Object.entries(g.errorCodes)) codes[k] = (codes[k] ?? 0) + v;
  return {
    counts: groups.map((g) => g.counts).reduce(addCounts, zeroCounts()),
    latency: merged(groups.map((g) => g.latency)),
    service: merged(groups.map((g) => g.service)),
    success: merged(groups.map((g) => g.success)),
    errorCodes: codes,
    attempts: groups.reduce((n, g) => n + g.attempts, 0),
  };
}

function addSeconds<T extends SecondCounts>(into: T, s: SecondCounts): T {
  into.offered += s.offered;
  into.sent += s.sent;
  into.completed += s.completed;
  into.succeeded += s.succeeded;
  into.throttled += s.throttled;
  into.errors += s.errors;
  return into;
}

/** One record of several threads' runs of the same plan. */
export function mergeRuns(runs: RawRun[]): RawRun {
  if (runs.length === 1) return runs[0]!;
  const first = runs[0]!;
  const seconds = Math.max(...runs.map((r) => r.perSecond.length));
  const perSecond: SecondSample[] = [];
  const perSecondByOperation: SecondCounts[][] = [];
  for (let i = 0; i < seconds; i++) {
    const s: SecondSample = { second: i, ...zeroSecond() };
    const byOp = first.operations.map(zeroSecond);
    for (const r of runs) {
      if (r.perSecond[i]) addSeconds(s, r.perSecond[i]!);
      r.perSecondByOperation[i]?.forEach((c, op) => addSeconds(byOp[op]!, c));
    }
    perSecond.push(s);
    if (first.operations.length > 1) perSecondByOperation.push(byOp);
  }
  const extra: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.extra)) extra[k] = (extra[k] ?? 0) + v;
  const eld = runs.map((r) => r.eventLoopDelayMs).filter((e) => e !== undefined);
  return {
    operations: first.operations,
    stages: first.stages,
    total: mergeGroups(runs.map((r) => r.total)),
    byOperation: first.operations.map((_, i) => mergeGroups(runs.map((r) => r.byOperation[i]!))),
    byStage: first.stages.map((_, i) => mergeGroups(runs.map((r) => r.byStage[i]!))),
    unmeasured: runs.map((r) => r.unmeasured).reduce(addCounts, zeroCounts()),
    perSecond,
    perSecondByOperation,
    sendLag: merged(runs.map((r) => r.sendLag)),
    scheduleLag: merged(runs.map((r) => r.scheduleLag)),
    connectionWait: merged(runs.map((r) => r.connectionWait)),
    onTime: runs.reduce((n, r) => n + r.onTime, 0),
    scheduled: runs.reduce((n, r) => n + r.scheduled, 0),
    queuedForConnection: runs.reduce((n, r) => n + r.queuedForConnection, 0),
    queuedAtLimit: runs.reduce((n, r) => n + r.queuedAtLimit, 0),
    connectionsOpened: runs.reduce((n, r) => n + r.connectionsOpened, 0),
    maxConnections: runs.reduce((n, r) => n + r.maxConnections, 0),
    maxInFlight: runs.reduce((n, r) => n + r.maxInFlight, 0),
    ...(eld.length > 0
      ? { eventLoopDelayMs: { mean: Math.max(...eld.map((e) => e.mean)), p50: Math.max(...eld.map((e) => e.p50)), p99: Math.max(...eld.map((e) => e.p99)), max: Math.max(...eld.map((e) => e.max)) } }
      : {}),
    eventLoopUtilization: Math.max(...runs.map((r) => r.eventLoopUtilization)),
    gc: {
      count: runs.reduce((n, r) => n + r.gc.count, 0),
      totalMs: runs.reduce((n, r) => n + r.gc.totalMs, 0),
      maxMs: Math.max(...runs.map((r) => r.gc.maxMs)),
    },
    elapsedMs: Math.max(...runs.map((r) => r.elapsedMs)),
    scheduledMs: first.scheduledMs,
    startedAt: Math.min(...runs.map((r) => r.startedAt)),
    threads: runs.reduce((n, r) => n + r.threads, 0),
    extra,
  };
}
