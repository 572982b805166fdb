/**
 * In-process costs, measured with tinybench: the engine of the micro suite. It runs the
 * benchmarks it is given (the CLI's cli/micro-benches.ts: SigV4 signing and verification,
 * AES-256-GCM seal/open, blob encode/decode, limiter admit, raw request build) and reports each
 * as operations per second with tinybench's relative margin of error (95 %); fast operations are
 * timed in batches so timer overhead does not dominate.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';

/** One thing to time. */
export interface MicroBench {
  name: string;
  /** Operations per call of `fn` (fast ones are batched). */
  batch: number;
  fn: () => unknown;
}

export interface MicroTask {
  name: string;
  opsPerSec: number;
  rmePercent: number;
  meanNs: number;
  p50Ns: number;
  p99Ns: number;
  samples: number;
  batch: number;
}

export interface MicroOptions {
  /** Time per task (ms, default 500). */
  timeMs?: number;
  /** Only tasks whose name contains this. */
  filter?: string;
}

export async function runMicro(benches: readonly MicroBench[], options: MicroOptions = {}): Promise<MicroTask[]> {
  const time = options.timeMs ?? 500;
  const tasks = benches.filter((t) => !options.filter || t.name.toLowerCase().includes(options.filter.toLowerCase()));
  const bench = new Bench({ time, warmupTime: Math.min(200, time / 2), now: () => performance.now() });
  for (const t of tasks) bench.add(t.name, t.fn);
  await bench.run();
  return bench.tasks.map((task, i) => {
    const batch = tasks[i]!.batch;
    const r = task.result as { state: string; latency?: { mean: number; p50: number; p99: number; samplesCount: number }; throughput?: { mean: number; rme: number }; error?: Error };
    if (!r.latency || !r.throughput) throw new Error(`micro task '${task.name}' did not complete (${r.state}${r.error ? `: ${r.error.message}` : ''})`);
    const perOpNs = (ms: number) => (ms * 1e6) / batch;
    return {
      name: task.name,
      opsPerSec: r.throughput.mean * batch,
      rmePercent: r.throughput.rme,
      meanNs: perOpNs(r.latency.mean),
      p50Ns: perOpNs(r.latency.p50),
      p99Ns: perOpNs(r.latency.p99),
      samples: r.latency.samplesCount,
      batch,
    };
  });
}
