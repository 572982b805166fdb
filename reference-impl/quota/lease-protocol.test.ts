import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeaseCoordinator } from './lease-coordinator.js';
import { DEFAULT_HORIZON_NS, type BucketRef, type LeaseGrantMsg, type WorkerToCoordinator } from './lease-protocol.js';
import { ADMITTED, LeaseWorker, PENDING, THROTTLED } from './lease-worker.js';
import { simulateLeases } from './lease-sim.js';
import { applyOverrides, profileForRegion } from '../../common/quota/profiles.js';

const MS = 1e6;
const S = 1e9;

const REGION = 'eu-north-1';
const rates = (overrides: string[]) => () => applyOverrides(profileForRegion(REGION), overrides);
const ref: BucketRef = { account: 'a', region: REGION, cls: 'symmetric', keyStoreId: '' };
const lease = (worker: number, need: number, want = 0, used = 0): WorkerToCoordinator => ({ type: 'kms-quota/lease', worker, seq: 1, bucket: ref, need, want, used });
const giveBack = (worker: number, unused: number, used = 0): WorkerToCoordinator => ({ type: 'kms-quota/return', worker, bucket: ref, unused, used });

describe('LeaseCoordinator', () => {
  it('grants need all-or-nothing, plus prefetch up to rate × maxLeaseSeconds', () => {
    const c = new LeaseCoordinator({ rates: rates(['symmetric=1000']), maxLeaseSeconds: 0.01 });
    expect(c.handle(lease(1, 3, 100), 0)).toMatchObject({ type: 'kms-quota/grant', worker: 1, granted: 10, retryAfterNs: 0 });
    expect(c.handle(lease(2, 50, 0), 0)).toMatchObject({ granted: 50 }); // need may exceed the prefetch cap
    expect(c.snapshot(0)[0]).toMatchObject({ free: 940, outstanding: 60, capacity: 1000 });
  });

  it('refuses when the bucket cannot cover need, with the time until it can (≥ minRetryNs)', () => {
    const c = new LeaseCoordinator({ rates: rates(['symmetric=10']), minRetryNs: 0 });
    expect(c.handle(lease(1, 10), 0)).toMatchObject({ granted: 10 });
    expect(c.handle(lease(1, 1, 0, 10), 0)).toMatchObject({ granted: 0, retryAfterNs: 100 * MS }); // reports 10 spent
    expect(c.handle(lease(1, 1), 40 * MS)).toMatchObject({ granted: 0, retryAfterNs: 60 * MS });
    // Unreported spending keeps the refill ceiling down (conservative): 5 leased and not reported.
    const held = new LeaseCoordinator({ rates: rates(['symmetric=5']), minRetryNs: 0 });
    held.handle(lease(1, 5), 0);
    expect(held.snapshot(10 * S)[0]).toMatchObject({ free: 0, outstanding: 5 });
    const slow = new LeaseCoordinator({ rates: rates(['symmetric=1000000']), minRetryNs: 1 * MS });
    slow.handle(lease(1, 1_000_000), 0);
    expect(slow.handle(lease(1, 1), 0)).toMatchObject({ granted: 0, retryAfterNs: 1 * MS });
  });

  it('refill stops at capacity − outstanding: leased tokens are never counted twice', () => {
    const c = new LeaseCoordinator({ rates: rates(['symmetric=10']) });
    c.handle(lease(1, 4), 0); // free 6, outstanding 4
    expect(c.snapshot(10 * S)[0]).toMatchObject({ free: 6, outstanding: 4 }); // not 10 + 4
    c.handle(giveBack(1, 1, 3), 10 * S); // 3 used, 1 returned
    expect(c.snapshot(10 * S)[0]).toMatchObject({ free: 7, outstanding: 0 });
    expect(c.snapshot(11 * S)[0]).toMatchObject({ free: 10, outstanding: 0 });
  });

  it('clamps reports to what the worker holds (a buggy worker cannot inflate a bucket)', () => {
    const c = new LeaseCoordinator({ rates: rates(['symmetric=10']) });
    c.handle(lease(1, 2), 0);
    c.handle(giveBack(2, 5), 0); // worker 2 holds nothing
    c.handle(giveBack(1, 50), 0); // worker 1 holds 2
    c.handle({ ...giveBack(1, 1), unused: Number.NaN } as WorkerToCoordinator, 0);
    expect(c.snapshot(0)[0]).toMatchObject({ free: 10, outstanding: 0 });
  });

  it('workerExited forgets its leases: those tokens are lost, never re-issued', () => {
    const c = new LeaseCoordinator({ rates: rates(['symmetric=10']) });
    c.handle(lease(1, 5), 0);
    c.workerExited(1);
    expect(c.snapshot(0)[0]).toMatchObject({ free: 5, outstanding: 0 });
    expect(c.handle(lease(2, 6), 0)).toMatchObject({ granted: 0 });
  });

  it('key-store buckets need a key store id; account buckets must not have one', () => {
    const c = new LeaseCoordinator();
    expect(() => c.handle({ ...lease(1, 1), bucket: { ...ref, cls: 'cloudhsm-key-store' } } as WorkerToCoordinator, 0)).toThrow(/keyStoreId/);
    expect(c.handle({ ...lease(1, 1), bucket: { account: '', region: REGION, cls: 'cloudhsm-key-store', keyStoreId: 'cks-1' } } as WorkerToCoordinator, 0)).toMatchObject({
      granted: 1,
    });
  });

  it('invariant under any message interleaving: free + outstanding ≤ capacity, and spent ≤ capacity + rate·t', () => {
    const step = fc.record({
      dt: fc.integer({ min: 0, max: 200 * MS }),
      worker: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom('lease', 'return', 'spend'),
      n: fc.integer({ min: 0, max: 40 }),
      m: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.array(step, { maxLength: 300 }), (rate, steps) => {
        const c = new LeaseCoordinator({ rates: rates([`symmetric=${rate}`]) });
        const held = [0, 0, 0, 0];
        const spentUnreported = [0, 0, 0, 0];
        let spent = 0;
        let t = 0;
        for (const s of steps) {
          t += s.dt;
          if (s.kind === 'lease') {
            const r = c.handle(lease(s.worker, s.n, s.m, spentUnreported[s.worker]!), t)!;
            spentUnreported[s.worker] = 0;
            held[s.worker]! += r.granted;
          } else if (s.kind === 'return') {
            const unused = Math.min(s.n, held[s.worker]!);
            c.handle(giveBack(s.worker, unused, spentUnreported[s.worker]!), t);
            held[s.worker]! -= unused;
            spentUnreported[s.worker] = 0;
          } else {
            const k = Math.min(s.n, held[s.worker]!);
            held[s.worker]! -= k;
            spentUnreported[s.worker]! += k;
            spent += k;
          }
          const snap = c.snapshot(t)[0];
          if (snap) {
            expect(snap.free + snap.outstanding).toBeLessThanOrEqual(snap.capacity + 1e-9);
            expect(snap.outstanding).toBe(held.reduce((a, b) => a + b) + spentUnreported.reduce((a, b) => a + b));
          }
          expect(spent).toBeLessThanOrEqual(Math.max(1, rate) + (rate * t) / S + 1e-6);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('LeaseWorker', () => {
  function pair(overrides: string[], opts: { ttlNs?: number } = {}) {
    const sent: WorkerToCoordinator[] = [];
    const decisions: [number, boolean][] = [];
    const c = new LeaseCoordinator({ rates: rates(overrides), leaseTtlNs: opts.ttlNs ?? 50 * MS, minRetryNs: 0 });
    const w = new LeaseWorker({ worker: 1, send: (m) => sent.push(m), onDecision: (t, ok) => decisions.push([t, ok]) });
    /** Delivers every queued worker message to the coordinator and the replies back, at `now`. */
    const flush = (now: number) => {
      while (sent.length) {
        const reply = c.handle(sent.shift()!, now);
        if (reply) w.onMessage(reply as LeaseGrantMsg, now);
      }
    };
    return { c, w, sent, decisions, flush };
  }

  it('first request waits for a lease; with steady demand later ones are admitted locally', () => {
    const { w, sent, decisions, flush } = pair(['symmetric=1000']);
    expect(w.acquire('a', REGION, 'symmetric', 0)).toBe(PENDING);
    const ticket = w.lastTicket;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'kms-quota/lease', need: 1 });
    flush(0);
    expect(decisions).toEqual([[ticket, true]]);
    let local = 0;
    for (let i = 1; i <= 400; i++) {
      const d = w.acquire('a', REGION, 'symmetric', i * 2 * MS); // 500/s: half the quota
      if (d === ADMITTED) local++;
      expect(d).not.toBe(THROTTLED);
      flush(i * 2 * MS);
    }
    expect(decisions.every(([, ok]) => ok)).toBe(true);
    expect(local).toBeGreaterThan(200);
  });

  it('throttles only on the coordinator’s word, then locally until retryAfter', () => {
    const { w, decisions, flush, sent } = pair(['symmetric=2']);
    expect(w.acquire('a', REGION, 'symmetric', 0, 2)).toBe(PENDING);
    flush(0);
    expect(w.acquire('a', REGION, 'symmetric', 0)).toBe(PENDING);
    flush(0);
    expect(decisions.map((d) => d[1])).toEqual([true, false]);
    expect(w.acquire('a', REGION, 'symmetric', 100 * MS)).toBe(THROTTLED); // retryAfter = 500 ms
    expect(sent).toHaveLength(0);
    expect(w.acquire('a', REGION, 'symmetric', 500 * MS)).toBe(PENDING);
    flush(500 * MS);
    expect(decisions.at(-1)![1]).toBe(true);
  });

  it('returns unused tokens when the lease expires, so other workers can use them', () => {
    const { c, w, flush } = pair(['symmetric=10000'], { ttlNs: 50 * MS });
    for (let i = 0; i < 20; i++) {
      w.acquire('a', REGION, 'symmetric', i * 100_000);
      flush(i * 100_000);
    }
    const held = c.snapshot(2 * MS)[0]!.outstanding;
    expect(held).toBeGreaterThan(0);
    w.tick(60 * MS);
    flush(60 * MS);
    expect(c.snapshot(60 * MS)[0]).toMatchObject({ outstanding: 0 });
  });

  it('refund puts an admitted token back into the local lease', () => {
    const { w, flush } = pair(['symmetric=10']);
    w.acquire('a', REGION, 'symmetric', 0);
    flush(0);
    w.refund('a', REGION, 'symmetric');
    expect(w.snapshot()[0]).toMatchObject({ tokens: 1, allowed: 0 });
    expect(w.acquire('a', REGION, 'symmetric', 0)).toBe(ADMITTED);
  });

  it('refund after the spend was reported: the token is reused without being reported twice', () => {
    // The lease must outlive one idle horizon for the refunded token to be reusable.
    const { c, w, flush, sent } = pair(['symmetric=10'], { ttlNs: 2 * DEFAULT_HORIZON_NS });
    w.acquire('a', REGION, 'symmetric', 0);
    flush(0); // granted 1, spent 1 (unreported)
    const idle = DEFAULT_HORIZON_NS + 5 * MS;
    w.tick(idle); // idle for a horizon: reports the spend
    flush(idle);
    expect(c.snapshot(idle)[0]).toMatchObject({ outstanding: 0 });
    w.refund('a', REGION, 'symmetric'); // request not carried out after all
    expect(w.acquire('a', REGION, 'symmetric', idle + MS)).toBe(ADMITTED);
    w.tick(idle + 100 * MS);
    expect(sent).toEqual([]); // nothing more to report
    expect(c.snapshot(idle + 100 * MS)[0]).toMatchObject({ outstanding: 0, grantedTokens: 1 });
  });

  it('key-store leases are separate buckets', () => {
    const { w, flush, decisions } = pair(['cloudhsm-key-store=1']);
    expect(w.acquireKeyStore(REGION, 'cloudhsm-key-store', 'cks-1', 0)).toBe(PENDING);
    flush(0);
    expect(w.acquireKeyStore(REGION, 'cloudhsm-key-store', 'cks-2', 0)).toBe(PENDING);
    flush(0);
    expect(decisions.map((d) => d[1])).toEqual([true, true]);
    expect(() => w.acquire('a', REGION, 'cloudhsm-key-store', 0)).toThrow(/per key store/);
  });
});

describe('N simulated workers, skewed load (1,000/s quota, 10 s, IPC 50–300 µs)', () => {
  const skews: Record<number, number[]> = { 2: [0.8, 0.2], 3: [0.6, 0.3, 0.1], 4: [0.55, 0.25, 0.15, 0.05] };
  const cases = [2, 3, 4].flatMap((workers) => [0.5, 2, 3].map((load) => [workers, load] as const));

  it.each(cases)('%d workers at %d× the quota', (workers, load) => {
    const r = simulateLeases({ workers, quota: 1000, load, shares: skews[workers]!, seconds: 10, warmupSeconds: 2, seed: 11 * workers + load });
    expect(r.undecided).toBe(0);
    expect(r.envelopeExcess).toBeLessThanOrEqual(1e-6); // never more than one bucket admits
    if (load < 1) {
      expect(r.throttled).toBe(0);
      expect(r.admitted).toBe(r.arrivals);
    } else {
      expect(Math.abs(r.steadyRatio - 1)).toBeLessThanOrEqual(0.02);
      expect(Math.abs(r.admitted - r.oracleAdmitted) / r.oracleAdmitted).toBeLessThanOrEqual(0.02);
    }
  });

  it.each([0.5, 3])('a hot spot that moves between 4 workers every 250 ms, at %d×', (load) => {
    const shares = (t: number) => {
      const hot = Math.floor(t / (250 * MS)) % 4;
      return [0, 1, 2, 3].map((w) => (w === hot ? 0.85 : 0.05));
    };
    const r = simulateLeases({ workers: 4, quota: 1000, load, shares, seconds: 10, warmupSeconds: 2, seed: 5 });
    expect(r.envelopeExcess).toBeLessThanOrEqual(1e-6);
    if (load < 1) expect(r.throttled).toBe(0);
    else expect(Math.abs(r.steadyRatio - 1)).toBeLessThanOrEqual(0.02);
  });

  it("onMiss 'throttle' (synchronous callers) stays within the envelope but throttles below the quota", () => {
    const r = simulateLeases({ workers: 4, quota: 1000, load: 0.5, shares: skews[4]!, seconds: 10, warmupSeconds: 2, seed: 2, onMiss: 'throttle' });
    expect(r.envelopeExcess).toBeLessThanOrEqual(1e-6);
    expect(r.throttled).toBeGreaterThan(0); // why the admission hook must be able to wait
  });

  it('20,000/s quota (us-east-2 tier), 4 workers at 3×: exact and mostly local', () => {
    const r = simulateLeases({ workers: 4, quota: 20_000, load: 3, shares: skews[4]!, seconds: 4, warmupSeconds: 2, seed: 3 });
    expect(r.envelopeExcess).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(r.steadyRatio - 1)).toBeLessThanOrEqual(0.02);
    expect(r.messagesToCoordinator / r.arrivals).toBeLessThan(0.2);
  });
});
