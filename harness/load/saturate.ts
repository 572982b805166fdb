/**
 * Closed-loop saturation (`--mode saturate`) through the closed-loop client (closed-loop.ts, the
 * one the benchmarks use): N connections each send the next request as soon as the previous
 * reply arrives, which finds the endpoint's throughput but hides queueing delay — use the
 * open-model runs to judge latency under a given arrival rate. A mix is sent as a fixed,
 * weight-proportional, shuffled sequence cycled by every connection.
 *
 * @module
 */
import { runClosedLoop } from './closed-loop.js';
import type { RawTemplate } from './open-loop.js';
import { rng } from './schedule.js';

export interface SaturatePlan {
  url: string;
  templates: RawTemplate[];
  weights?: number[];
  connections: number;
  durationMs: number;
  seed?: number;
}

export interface SaturateResult {
  /** The client, as load.json records it. */
  tool: 'closed-loop';
  connections: number;
  durationMs: number;
  requests: number;
  /** Completed requests in each whole second of the run. */
  rps: { mean: number; stddev: number; min: number; max: number };
  /** From writing a request to its reply, milliseconds. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  succeeded: number;
  throttled: number;
  /** Other non-2xx replies. */
  errorReplies: number;
  /** Connection errors, timeouts, replies that cannot be framed. */
  transportErrors: number;
  byOperation: { operation: string; requests: number; succeeded: number; throttled: number; errorReplies: number }[];
}

/** A sequence of template indexes, `length` long, in proportion to `weights`, shuffled. */
export function mixSequence(weights: number[], length: number, seed = 1): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const seq: number[] = [];
  weights.forEach((w, i) => {
    for (let k = 0; k < Math.max(1, Math.round((w / total) * length)); k++) seq.push(i);
  });
  const u = rng(seed);
  for (let i = seq.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [seq[i], seq[j]] = [seq[j]!, seq[i]!];
  }
  return seq;
}

export async function runSaturate(plan: SaturatePlan): Promise<SaturateResult> {
  const r = await runClosedLoop({
    url: plan.url,
    connections: plan.connections,
    durationMs: plan.durationMs,
    requests: plan.templates.map((t) => ({ headers: t.headers, body: t.body })),
    sequence: plan.templates.length === 1 ? [0] : mixSequence(plan.weights ?? plan.templates.map(() => 1), 100, plan.seed),
  });
  const byOperation = plan.templates.map((t, i) => ({ operation: t.operation, ...r.byRequest[i]! }));
  const sum = (k: 'succeeded' | 'throttled' | 'errorReplies') => byOperation.reduce((n, o) => n + o[k], 0);
  return {
    tool: 'closed-loop',
    connections: plan.connections,
    durationMs: plan.durationMs,
    requests: r.requests,
    rps: r.perSecond,
    latencyMs: r.latencyMs,
    succeeded: sum('succeeded'),
    throttled: sum('throttled'),
    errorReplies: sum('errorReplies'),
    transportErrors: r.errors,
    byOperation,
  };
}
