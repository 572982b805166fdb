import { describe, expect, it } from 'vitest';
import { planLatency } from './latency.js';

describe('the plan against measured latency', () => {
  it("Little's law per operation: peak rate × latency = calls in flight; unmeasured operations say so", () => {
    const streams = [
      { operation: 'GenerateDataKey', peak: 400 },
      { operation: 'Decrypt', peak: 1000 },
      { operation: 'Decrypt', peak: 500 },
      { operation: 'Sign', peak: 10 },
    ];
    const l = planLatency({ streams }, [
      { operation: 'Decrypt', p50: 4, p99: 20 },
      { operation: 'GenerateDataKey', p50: 5, p99: 25 },
      { operation: 'Decrypt', p50: 99, p99: 99 },
    ], 'runs/moto/load-latency/load.json');
    expect(l.rows).toEqual([
      { operation: 'GenerateDataKey', peak: 400, p50: 5, p99: 25, inFlightP50: 2, inFlightP99: 10 },
      { operation: 'Decrypt', peak: 1500, p50: 4, p99: 20, inFlightP50: 6, inFlightP99: 30 },
      { operation: 'Sign', peak: 10, p50: null, p99: null, inFlightP50: null, inFlightP99: null },
    ]);
    expect([l.totalInFlightP50, l.totalInFlightP99]).toEqual([8, 40]);
    expect(l.source).toBe('runs/moto/load-latency/load.json');
  });
});
