/**
 * The capacity plan against an endpoint's measured latency (pure): for each operation the plan's
 * streams call, its peak rate, the p50 and p99 the endpoint answered with in a load run, and —
 * by Little's law (calls in flight = arrival rate × time in the system) — how many calls are in
 * flight at peak at those latencies: what the fleet's connection pools and worker threads must
 * hold, and how a slower endpoint multiplies it.
 *
 * @module
 */
/** One operation's latency as measured on the endpoint (ms). */
export interface MeasuredLatency {
  operation: string;
  p50: number;
  p99: number;
}

export interface PlanLatencyRow {
  operation: string;
  /** Requests per second at peak, every stream of the operation together. */
  peak: number;
  /** Measured on the endpoint, ms; null when the load run did not call the operation. */
  p50: number | null;
  p99: number | null;
  /** Calls in flight at peak: peak × latency. */
  inFlightP50: number | null;
  inFlightP99: number | null;
}

export interface PlanLatency {
  /** Where the latencies come from (the load run's file and target). */
  source: string;
  rows: PlanLatencyRow[];
  /** Calls in flight at peak over the measured operations, at p50 and at p99 latency. */
  totalInFlightP50: number;
  totalInFlightP99: number;
}

/** The plan's operations at peak against `measured` (the first measurement of each operation counts). */
export function planLatency(plan: { streams: readonly { operation: string; peak: number }[] }, measured: readonly MeasuredLatency[], source: string): PlanLatency {
  const peaks = new Map<string, number>();
  for (const s of plan.streams) peaks.set(s.operation, (peaks.get(s.operation) ?? 0) + s.peak);
  const rows: PlanLatencyRow[] = [...peaks].map(([operation, peak]) => {
    const m = measured.find((x) => x.operation === operation);
    return {
      operation,
      peak,
      p50: m?.p50 ?? null,
      p99: m?.p99 ?? null,
      inFlightP50: m ? (peak * m.p50) / 1000 : null,
      inFlightP99: m ? (peak * m.p99) / 1000 : null,
    };
  });
  const total = (pick: (r: PlanLatencyRow) => number | null) => rows.reduce((t, r) => t + (pick(r) ?? 0), 0);
  return { source, rows, totalInFlightP50: total((r) => r.inFlightP50), totalInFlightP99: total((r) => r.inFlightP99) };
}
