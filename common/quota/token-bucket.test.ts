import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket, admit, burstFor, fullBucket, tokensOf, type BucketParams, type BucketState } from './token-bucket.js';

const S = 1e9; // ns per second
const MS = 1e6;

/** Runs arrivals (ns, sorted) through a fresh full bucket; returns admitted arrival times. */
function run(rate: number, burst: number, arrivals: readonly number[], cost = 1): number[] {
  const b = new TokenBucket(rate, burst, arrivals[0] ?? 0);
  return arrivals.filter((t) => b.tryTake(t, cost));
}

function evenly(ratePerSecond: number, seconds: number, start = 0): number[] {
  const n = Math.round(ratePerSecond * seconds);
  return Array.from({ length: n }, (_, i) => start + Math.round((i * S) / ratePerSecond));
}

describe('burstFor', () => {
  it('one second of quota, at least one token, zero for a zero rate', () => {
    expect(burstFor(10_000, 1)).toBe(10_000);
    expect(burstFor(10_000, 0.1)).toBe(1000);
    expect(burstFor(0.25, 1)).toBe(1);
    expect(burstFor(0.1, 1)).toBe(1);
    expect(burstFor(0, 1)).toBe(0);
  });
});

describe('exact admission counts', () => {
  it('a full bucket admits exactly `burst` at once, then one per 1/rate', () => {
    const b = new TokenBucket(10, 10, 0);
    for (let i = 0; i < 10; i++) expect(b.tryTake(0)).toBe(true);
    expect(b.tryTake(0)).toBe(false);
    expect(b.tryTake(100 * MS - 1)).toBe(false);
    expect(b.tryTake(100 * MS)).toBe(true);
    expect(b.tryTake(100 * MS)).toBe(false);
    expect(b.tryTake(300 * MS)).toBe(true);
    expect(b.tryTake(300 * MS)).toBe(true);
    expect(b.tryTake(300 * MS)).toBe(false);
    expect([b.allowed, b.throttled]).toEqual([13, 4]);
  });

  it('non-divisor rate (3/s) is exact at the nanosecond the token appears', () => {
    // Capacity 2 so the level never touches the cap (where the excess is legitimately dropped).
    const b = new TokenBucket(3, 2, 0);
    expect(b.tryTake(0, 2)).toBe(true);
    for (let k = 1; k <= 3000; k++) {
      const due = Math.ceil((k * S) / 3);
      expect(b.tryTake(due - 1)).toBe(false);
      expect(b.tryTake(due)).toBe(true);
    }
  });

  it('sub-1/s quota (GetParametersForImport 0.25/s): one request per 4 s', () => {
    const arrivals = Array.from({ length: 20 }, (_, i) => i * S);
    expect(run(0.25, burstFor(0.25, 1), arrivals)).toEqual([0, 4 * S, 8 * S, 12 * S, 16 * S]);
  });

  it('0.1/s (RSA_4096 key pairs in China): one in each 10 s', () => {
    const arrivals = Array.from({ length: 300 }, (_, i) => i * 100 * MS);
    expect(run(0.1, burstFor(0.1, 1), arrivals)).toEqual([0, 10 * S, 20 * S]);
  });

  it('rate 0 never admits', () => {
    expect(run(0, burstFor(0, 1), [0, S, 100 * S])).toEqual([]);
  });

  it('cost > 1 (ReplicateKey charges two CreateKey tokens)', () => {
    const b = new TokenBucket(5, 5, 0);
    expect([b.tryTake(0, 2), b.tryTake(0, 2), b.tryTake(0, 2), b.tryTake(0, 1)]).toEqual([true, true, false, true]);
  });
});

describe('steady load', () => {
  it.each([
    [0.5, 100],
    [1, 100],
    [2, 100],
    [3, 100],
    [2, 10_000],
    [3, 10_000],
  ])('%d× the quota of %d/s for 10 s: admitted = rate × seconds ± burst', (factor, rate) => {
    const seconds = 10;
    const arrivals = evenly(rate * factor, seconds);
    const admitted = run(rate, burstFor(rate, 1), arrivals).length;
    if (factor <= 1) {
      expect(admitted).toBe(arrivals.length);
    } else {
      // Exactly: the initial burst plus one token per 1/rate until the last arrival.
      const last = arrivals[arrivals.length - 1]!;
      expect(Math.abs(admitted - (rate + Math.floor((last * rate) / S)))).toBeLessThanOrEqual(1);
      expect(Math.abs(admitted - rate * seconds)).toBeLessThanOrEqual(burstFor(rate, 1));
    }
  });

  it('after the burst is spent, the admitted rate in each later second is exactly the quota', () => {
    const rate = 1000;
    const admitted = run(rate, rate, evenly(rate * 3, 6));
    for (let s = 1; s < 6; s++) {
      const inSecond = admitted.filter((t) => t >= s * S && t < (s + 1) * S).length;
      expect(Math.abs(inSecond - rate)).toBeLessThanOrEqual(1);
    }
  });
});

describe('bursts and idle refill', () => {
  it('a burst larger than the bucket is cut at `burst`', () => {
    const b = new TokenBucket(100, 100, 0);
    let ok = 0;
    for (let i = 0; i < 500; i++) if (b.tryTake(5 * S)) ok++;
    expect(ok).toBe(100);
  });

  it('idle refill is capped at burst, however long the idle time', () => {
    const b = new TokenBucket(100, 100, 0);
    for (let i = 0; i < 100; i++) b.tryTake(0);
    expect(b.level(0)).toBe(0);
    expect(b.level(500 * MS)).toBe(50);
    expect(b.level(3600 * S)).toBe(100);
    expect(b.level(1e6 * S)).toBe(100); // elapsed × rate far above 2^53: still exact
    expect(b.isFull(1e6 * S)).toBe(true);
  });

  it('a clock that steps backwards never refills', () => {
    const b = new TokenBucket(10, 1, 10 * S);
    expect(b.tryTake(10 * S)).toBe(true);
    expect(b.tryTake(5 * S)).toBe(false);
    expect(b.tryTake(10 * S + 99 * MS)).toBe(false);
    expect(b.tryTake(10 * S + 100 * MS)).toBe(true);
  });

  it('refund gives a token back, capped at capacity', () => {
    const b = new TokenBucket(1, 2, 0);
    expect(b.tryTake(0)).toBe(true);
    b.refund();
    expect(b.level(0)).toBe(2);
    b.refund();
    expect(b.level(0)).toBe(2);
  });

  it('a burst that is not a whole number of nano-tokens never reads back above itself', () => {
    // 278 × 0.01 = 2.7800000000000002 in binary; fast-check found the level reading 2.7800000000000007.
    const params: BucketParams = { rate: 278, burst: burstFor(278, 0.01) };
    const b = new TokenBucket(params.rate, params.burst, 0);
    expect(b.tryTake(0, 1)).toBe(true);
    expect(b.level(10 * S)).toBeLessThanOrEqual(params.burst);
    expect(tokensOf(fullBucket(params, 0))).toBeLessThanOrEqual(params.burst);
    expect(b.capacity).toBeLessThanOrEqual(params.burst);
  });

  it('reconfigure keeps the level, capped', () => {
    const b = new TokenBucket(100, 100, 0);
    b.reconfigure(10, 10, 0);
    expect(b.level(0)).toBe(10);
    expect(b.capacity).toBe(10);
    expect(b.ratePerSecond).toBe(10);
    expect(() => b.reconfigure(-1, 1, 0)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const arrivalsArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 50 * MS }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 400 })
    .map((steps) => {
      let t = 0;
      return steps.map(([dt, cost]) => ({ t: (t += dt), cost }));
    });
  const paramsArb = fc.record({ rate: fc.integer({ min: 1, max: 5000 }), burstSeconds: fc.constantFrom(0.01, 0.1, 0.5, 1, 2) });

  it('TokenBucket and the pure admit() agree step by step', () => {
    fc.assert(
      fc.property(paramsArb, arrivalsArb, ({ rate, burstSeconds }, arrivals) => {
        const params: BucketParams = { rate, burst: burstFor(rate, burstSeconds) };
        const b = new TokenBucket(params.rate, params.burst, 0);
        let state: BucketState = fullBucket(params, 0);
        for (const { t, cost } of arrivals) {
          const r = admit(state, params, t, cost);
          expect(b.tryTake(t, cost)).toBe(r.admitted);
          state = r.state;
          expect(b.state()).toEqual(state);
          expect(tokensOf(state)).toBeLessThanOrEqual(params.burst);
        }
      }),
    );
  });

  it('envelope: every window [a, b] admits at most burst + rate·(b − a) tokens', () => {
    fc.assert(
      fc.property(paramsArb, arrivalsArb, ({ rate, burstSeconds }, arrivals) => {
        const burst = burstFor(rate, burstSeconds);
        const b = new TokenBucket(rate, burst, 0);
        const taken = arrivals.filter(({ t, cost }) => b.tryTake(t, cost));
        for (let i = 0; i < taken.length; i++) {
          let sum = 0;
          for (let j = i; j < taken.length; j++) {
            sum += taken[j]!.cost;
            expect(sum).toBeLessThanOrEqual(burst + (rate * (taken[j]!.t - taken[i]!.t)) / S + 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
