/**
 * The generator watching itself while it runs: event-loop delay and utilisation of its thread,
 * and the garbage-collection pauses it took (each one stops the schedule).
 *
 * @module
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

export interface SelfReport {
  eventLoopDelayMs?: { mean: number; p50: number; p99: number; max: number };
  eventLoopUtilization: number;
  gc: { count: number; totalMs: number; maxMs: number };
}

export function watchGenerator(): { stop(): SelfReport } {
  const eld = monitorEventLoopDelay({ resolution: 1 });
  const elu0 = performance.eventLoopUtilization();
  const gc = { count: 0, totalMs: 0, maxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      if (e.duration > gc.maxMs) gc.maxMs = e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  eld.enable();
  return {
    stop() {
      eld.disable();
      observer.disconnect();
      const elu = performance.eventLoopUtilization(elu0);
      return {
        ...(eld.count > 0 ? { eventLoopDelayMs: { mean: eld.mean / 1e6, p50: eld.percentile(50) / 1e6, p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 } } : {}),
        eventLoopUtilization: elu.utilization,
        gc: { count: gc.count, totalMs: Number(gc.totalMs.toFixed(3)), maxMs: Number(gc.maxMs.toFixed(3)) },
      };
    },
  };
}
