/**
 * Hot-path cost of the quota model (tinybench). Run:
 *   node --expose-gc --import tsx reference-impl/quota/quota.bench.ts
 * Each task runs BATCH operations per call so timer overhead does not dominate; ns/op = mean / BATCH.
 * Also checks the hot paths allocate nothing (heap delta over 2M operations with --expose-gc).
 *
 * @module
 */

import { Bench } from 'tinybench';
import { quotaRouteFor } from '../../common/quota/classes.js';
import { ADMITTED, LeaseWorker } from './lease-worker.js';
import { Limiter } from '../../common/quota/limiter.js';
import { TokenBucket, monotonicNs } from '../../common/quota/token-bucket.js';

const BATCH = 1000;
const S = 1e9;

// Harness state lives in object fields (doubles are stored in place) so the loop itself does not
// allocate; a module-level `let` above the small-integer range would box a number on every write.
const clock = { now: 0 };
const out = { n: 0 };

const admitBucket = new TokenBucket(1e9, 1e9, 0); // always admits, refills every call
const throttleBucket = new TokenBucket(1, 1, 0); // always empty after the first take
throttleBucket.tryTake(0);
const limiter = new Limiter({ clock: () => clock.now });
const accounts = Array.from({ length: 10_000 }, (_, i) => String(100_000_000_000 + i));
const route = quotaRouteFor('Decrypt', { keySpec: 'SYMMETRIC_DEFAULT' });
const keyInfo = { keySpec: 'SYMMETRIC_DEFAULT' };
const worker = new LeaseWorker({ worker: 1, send: () => {}, onDecision: () => {} });
// Give the worker a huge lease so acquire() always takes the local path.
worker.onMessage(
  { type: 'kms-quota/grant', worker: 1, seq: 0, bucket: { account: 'a', region: 'us-east-1', cls: 'symmetric', keyStoreId: '' }, granted: 1e12, ttlNs: 1e6 * S, retryAfterNs: 0 },
  0,
);

// Each task spells out its own loop: a shared helper taking the operation as a callback would make
// that call site megamorphic, and passing a non-small-integer time through a non-inlined call boxes
// it — an allocation of the harness, not of the code under test.
const tasks: Record<string, () => void> = {
  'TokenBucket.tryTake (admit)': () => {
    let t = clock.now;
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (admitBucket.tryTake((t += 7))) n++;
    clock.now = t;
    out.n += n;
  },
  'TokenBucket.tryTake (throttle)': () => {
    let t = clock.now;
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (throttleBucket.tryTake((t += 7))) n++;
    clock.now = t;
    out.n += n;
  },
  'quotaRouteFor(Decrypt, symmetric key)': () => {
    let n = 0;
    for (let i = 0; i < BATCH; i++) n += quotaRouteFor('Decrypt', keyInfo).cost;
    out.n += n;
  },
  'Limiter.admit (1 account)': () => {
    let t = clock.now;
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (limiter.admit('111122223333', 'us-east-1', 'symmetric', (t += 7))) n++;
    clock.now = t;
    out.n += n;
  },
  'Limiter.admitRoute (10,000 accounts, rotating)': () => {
    let t = clock.now;
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (limiter.admitRoute(accounts[(i * 7919) % 10_000]!, 'us-east-1', route, (t += 7))) n++;
    clock.now = t;
    out.n += n;
  },
  'quotaRouteFor + Limiter.admitRoute': () => {
    let t = clock.now;
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (limiter.admitRoute('111122223333', 'us-west-2', quotaRouteFor('Encrypt', keyInfo), (t += 7))) n++;
    clock.now = t;
    out.n += n;
  },
  'LeaseWorker.acquire (local lease)': () => {
    let t = clock.now;
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (worker.acquire('a', 'us-east-1', 'symmetric', (t += 7)) === ADMITTED) n++;
    clock.now = t;
    out.n += n;
  },
  'monotonicNs() clock read': () => {
    let n = 0;
    for (let i = 0; i < BATCH; i++) if (monotonicNs() > 0) n++;
    out.n += n;
  },
};

const bench = new Bench({ time: 700, warmupTime: 200 });
for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
await bench.run();

const rows = bench.tasks.map((t) => {
  const r = t.result as { latency?: { mean?: number; rme?: number } } | undefined;
  const meanMs = r?.latency?.mean ?? NaN;
  return { task: t.name, 'ns/op': Number(((meanMs * 1e6) / BATCH).toFixed(1)), 'rme %': Number((r?.latency?.rme ?? NaN).toFixed(2)) };
});
console.table(rows);

// Allocation check: heap delta over 2M hot-path operations (needs --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  for (const name of ['TokenBucket.tryTake (admit)', 'TokenBucket.tryTake (throttle)', 'quotaRouteFor(Decrypt, symmetric key)', 'Limiter.admit (1 account)', 'Limiter.admitRoute (10,000 accounts, rotating)', 'LeaseWorker.acquire (local lease)']) {
    const fn = tasks[name]!;
    for (let i = 0; i < 200; i++) fn();
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 2000; i++) fn();
    const after = process.memoryUsage().heapUsed;
    console.log(`${name}: heap delta over ${2000 * BATCH} ops = ${after - before} bytes`);
  }
}
if (out.n === -1) console.log(out.n);
