/**
 * Closed-loop saturation through autocannon (`--mode saturate`): N connections each send the
 * next request as soon as the previous reply arrives, which finds the endpoint's throughput but
 * hides queueing delay — use the open-model runs to judge latency under a given arrival rate.
 * A mix is sent as a fixed, weight-proportional, shuffled sequence cycled by every connection.
 *
 * @module
 */
import autocannon from 'autocannon';
import hdr from 'hdr-histogram-js';
import { isMainThread } from 'node:worker_threads';
import { errorCode, THROTTLING_CODES } from './http1-reply-framing.js';
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
  connections: number;
  durationMs: number;
  requests: number;
  /** Completed requests per second (autocannon's per-second samples). */
  rps: { mean: number; stddev: number; min: number; max: number };
  /** autocannon's latency, whole milliseconds. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  succeeded: number;
  throttled: number;
  /** Other non-2xx replies. */
  errorReplies: number;
  /** Connection errors and timeouts. */
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
  const url = new URL(plan.url);
  const seq = plan.templates.length === 1 ? [0] : mixSequence(plan.weights ?? plan.templates.map(() => 1), 100, plan.seed);
  const per = plan.templates.map((t) => ({ operation: t.operation, requests: 0, succeeded: 0, throttled: 0, errorReplies: 0 }));
  const requests = seq.map((i) => {
    const t = plan.templates[i]!;
    const headers = Object.fromEntries(Object.entries(t.headers).filter(([k]) => !['content-length', 'connection'].includes(k.toLowerCase())));
    return {
      method: 'POST' as const,
      path: url.pathname || '/',
      headers,
      body: t.body,
      onResponse: (status: number, body: string) => {
        const o = per[i]!;
        o.requests++;
        if (status >= 200 && status < 300) o.succeeded++;
        else {
          const code = errorCode({ length: 0, status, close: false, body: Buffer.from(body ?? '') });
          if (code && THROTTLING_CODES.has(code)) o.throttled++;
          else o.errorReplies++;
        }
      },
    };
  });
  const opts = { url: `${url.protocol}//${url.host}`, connections: plan.connections, duration: plan.durationMs / 1000, requests };
  const raw = await autocannon(opts);
  // In a worker thread autocannon hands back its encoded histograms; aggregate them here.
  const aggregate = (autocannon as unknown as { aggregateResult: (r: unknown[], o: object) => autocannon.Result }).aggregateResult;
  const r = isMainThread ? raw : aggregate([raw], opts);
  let rps = { mean: r.requests.average, stddev: r.requests.stddev, min: r.requests.min, max: r.requests.max };
  if (!isMainThread) {
    // …but the aggregate drops the per-second request counts: read them from the encoding.
    const perSecond = hdr.decodeFromCompressedBase64((raw as unknown as { requests: string }).requests);
    rps = { mean: perSecond.mean, stddev: perSecond.stdDeviation, min: perSecond.minNonZeroValue, max: perSecond.maxValue };
    perSecond.destroy();
  }
  const sum = (k: 'succeeded' | 'throttled' | 'errorReplies') => per.reduce((n, o) => n + o[k], 0);
  return {
    connections: plan.connections,
    durationMs: plan.durationMs,
    requests: per.reduce((n, o) => n + o.requests, 0),
    rps,
    latencyMs: { mean: r.latency.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, p999: r.latency.p99_9, max: r.latency.max },
    succeeded: sum('succeeded'),
    throttled: sum('throttled'),
    errorReplies: sum('errorReplies'),
    transportErrors: r.errors + r.timeouts,
    byOperation: per,
  };
}
