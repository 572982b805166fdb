/**
 * From a run's raw record (counts and histograms) to the `load.json` shape, including the
 * generator's verdict on itself.
 *
 * @module
 */
import { summarize } from './histogram.js';
import type { Counts, Group, RawRun } from './recorder.js';
import type { RunResult } from '../results/load-results.js';
import type { RetrySpec } from './sdk.js';
import type { Arrivals } from './schedule.js';

/** Send lag p99 above this (ms) means the generator did not keep its schedule. */
export const MAX_LAG_P99_MS = 1;
/** Fewer arrivals than this fraction handled by the schedule's end is a rate shortfall. */
export const MIN_ON_TIME = 0.99;

const rates = (c: Counts, ms: number) => {
  const s = ms > 0 ? ms / 1000 : 1;
  const r = (n: number) => Number((n / s).toFixed(3));
  return { offered: r(c.offered), sent: r(c.sent), completed: r(c.completed), succeeded: r(c.succeeded), throttled: r(c.throttled), errors: r(c.errors) };
};

function group(g: Group, ms: number) {
  return {
    counts: g.counts,
    rates: rates(g.counts, ms),
    errorCodes: g.errorCodes,
    latency: summarize(g.latency),
    service: summarize(g.service),
    successLatency: summarize(g.success),
    attempts: g.attempts,
  };
}

export interface Verdict {
  saturated: boolean;
  reasons: string[];
  connectionLimited: boolean;
  onTimeRatio: number;
}

/**
 * The generator's verdict on itself: saturated when its own lateness (schedule lag) has a p99
 * over 1 ms or it handled under 99 % of the arrivals by the schedule's end. Requests that waited
 * for a free connection are late because the endpoint held every connection, not because the
 * generator was slow: that is reported as `connectionLimited`, not as saturation.
 */
export function verdict(run: RawRun): Verdict {
  const reasons: string[] = [];
  const schedP99 = run.scheduleLag.count > 0 ? run.scheduleLag.percentile(99) / 1e6 : 0;
  const sendP99 = run.sendLag.count > 0 ? run.sendLag.percentile(99) / 1e6 : 0;
  const onTimeRatio = run.scheduled > 0 ? run.onTime / run.scheduled : 1;
  if (schedP99 > MAX_LAG_P99_MS) reasons.push(`the generator fell behind its schedule: schedule lag p99 ${schedP99.toFixed(2)} ms > ${MAX_LAG_P99_MS} ms`);
  if (onTimeRatio < MIN_ON_TIME) reasons.push(`rate shortfall: ${(onTimeRatio * 100).toFixed(1)} % of the arrivals handled by the end of the schedule`);
  const saturated = reasons.length > 0;
  const connectionLimited = run.queuedAtLimit > 0;
  if (connectionLimited) {
    reasons.push(
      `${run.queuedAtLimit} requests waited for a free connection with all ${run.maxConnections} in use (send lag p99 ${sendP99.toFixed(2)} ms): the endpoint held that many requests at once`,
    );
  }
  return { saturated, reasons, connectionLimited, onTimeRatio };
}

export function runResult(run: RawRun, meta: { client: RunResult['client']; arrivals: Arrivals; retry?: RetrySpec; signingUs?: number; threads: number }): RunResult {
  const measuredMs = run.stages.filter((s) => s.measure !== false).reduce((t, s) => t + s.durationMs, 0);
  const total = group(run.total, measuredMs);
  const v = verdict(run);
  const calls = run.total.counts.completed;
  return {
    client: meta.client,
    ...(meta.retry ? { retry: meta.retry } : {}),
    arrivals: meta.arrivals,
    stages: run.stages,
    scheduledMs: run.scheduledMs,
    measuredMs,
    elapsedMs: run.elapsedMs,
    counts: total.counts,
    rates: total.rates,
    errorCodes: total.errorCodes,
    latency: total.latency,
    service: total.service,
    successLatency: total.successLatency,
    attempts: total.attempts,
    retriesPerSuccess: run.total.counts.succeeded > 0 ? Math.max(0, total.attempts - calls) / run.total.counts.succeeded : 0,
    unmeasured: run.unmeasured,
    byOperation: run.operations.map((operation, i) => ({ operation, ...group(run.byOperation[i]!, measuredMs) })),
    byStage: run.stages.map((stage, i) => ({ stage, ...group(run.byStage[i]!, stage.measure === false ? 0 : stage.durationMs) })),
    perSecond: run.perSecond.map((s, i) => {
      const byOp = run.perSecondByOperation[i];
      return byOp ? { ...s, byOperation: Object.fromEntries(run.operations.map((op, k) => [op, byOp[k]!])) } : s;
    }),
    generator: {
      ...v,
      sendLag: summarize(run.sendLag),
      scheduleLag: summarize(run.scheduleLag),
      connectionWait: summarize(run.connectionWait),
      queuedForConnection: run.queuedForConnection,
      queuedAtLimit: run.queuedAtLimit,
      connectionsOpened: run.connectionsOpened,
      maxConnections: run.maxConnections,
      maxInFlight: run.maxInFlight,
      ...(run.eventLoopDelayMs ? { eventLoopDelayMs: run.eventLoopDelayMs } : {}),
      eventLoopUtilization: run.eventLoopUtilization,
      gc: run.gc,
      threads: meta.threads,
    },
    ...(meta.signingUs !== undefined ? { signingUs: meta.signingUs } : {}),
    extra: run.extra,
  };
}
