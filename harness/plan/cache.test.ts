import { describe, expect, it } from 'vitest';
import { CacheBank, encryptCache, expectedMinPoisson, followDecrypt, logFactorial, mulberry32 } from './cache.js';

/** Direct E[min(m, X)] by summing the pmf (small mu only). */
function bruteMinPoisson(m: number, mu: number): number {
  let e = 0;
  let pmf = Math.exp(-mu);
  let cdf = 0;
  for (let k = 0; k < 2000; k++) {
    if (k > 0) pmf *= mu / k;
    cdf += pmf;
    e += Math.min(m, k) * pmf;
    if (1 - cdf < 1e-17 && k > mu) break;
  }
  return e;
}

describe('Poisson helpers', () => {
  it('logFactorial matches the sum of logs on both sides of the Stirling switch', () => {
    for (const n of [0, 1, 2, 10, 63, 64, 65, 200, 1000]) {
      let s = 0;
      for (let k = 2; k <= n; k++) s += Math.log(k);
      expect(logFactorial(n)).toBeCloseTo(s, 8);
    }
  });

  it('E[min(m, Poisson(mu))] matches brute force', () => {
    for (const mu of [0.01, 0.5, 3, 8.33, 40, 130, 390]) {
      for (const m of [0, 1, 5, 9, 99, 357, 10_000]) {
        expect(expectedMinPoisson(m, mu)).toBeCloseTo(bruteMinPoisson(m, mu), 6);
      }
    }
  });

  it('limits: m huge → mu; mu huge → m; normal branch continuous with exact summation', () => {
    expect(expectedMinPoisson(2 ** 32, 123.4)).toBeCloseTo(123.4, 6);
    expect(expectedMinPoisson(50, 1e6)).toBe(50);
    const exact = expectedMinPoisson(1e7, 0.99e7);
    const normal = expectedMinPoisson(1e7, 1.0000001e7); // just over the switch
    expect(Math.abs(exact - 0.99e7) / 0.99e7).toBeLessThan(1e-3);
    expect(normal).toBeLessThan(1e7);
    expect(normal).toBeGreaterThan(1e7 - 2000); // ≈ m − σ·φ(0) ≈ m − 1262
  });
});

describe('encrypt-side cache (closed form vs message-level simulation)', () => {
  /** Simulates one Poisson stream over `partitions` caches; returns data keys per second. */
  function simulate(rate: number, partitions: number, bytes: number, cache: Parameters<typeof encryptCache>[3], seconds: number, seed = 7) {
    const rand = mulberry32(seed);
    const bank = new CacheBank(partitions, bytes, cache);
    let t = 0;
    let misses = 0;
    let messages = 0;
    for (;;) {
      t += -Math.log(1 - rand()) / rate;
      if (t >= seconds) break;
      messages++;
      const p = Math.floor(rand() * partitions);
      if (!bank.use(p, t)) {
        misses++;
        bank.fill(p, t);
      }
    }
    return { perSecond: misses / seconds, hitRatio: 1 - misses / messages };
  }

  const cases = [
    { name: 'age-bound', rate: 2000, partitions: 40, bytes: 1024, cache: { maxAgeSeconds: 0.5 } },
    { name: 'message-bound', rate: 2000, partitions: 40, bytes: 1024, cache: { maxAgeSeconds: 60, maxMessages: 10 } },
    { name: 'byte-bound', rate: 2000, partitions: 40, bytes: 4096, cache: { maxAgeSeconds: 60, maxBytes: 20 * 4096 } },
    { name: 'both near', rate: 3000, partitions: 120, bytes: 2048, cache: { maxAgeSeconds: 1, maxMessages: 30 } },
    { name: 'sparse', rate: 50, partitions: 200, bytes: 2048, cache: { maxAgeSeconds: 5 } },
  ];
  for (const c of cases) {
    it(`${c.name}: GenerateDataKey/s within 3 % of λ / E[K]`, () => {
      const closed = encryptCache(c.rate, c.partitions, c.bytes, c.cache);
      const sim = simulate(c.rate, c.partitions, c.bytes, c.cache, 200);
      expect(Math.abs(sim.perSecond - closed.callsPerSecond) / closed.callsPerSecond).toBeLessThan(0.03);
      expect(Math.abs(sim.hitRatio - closed.hitRatio)).toBeLessThan(0.01);
    });
  }

  it('no cache, or a message larger than maxBytes: one data key per message', () => {
    expect(encryptCache(100, 4, 1000, undefined).callsPerSecond).toBe(100);
    expect(encryptCache(100, 4, 5000, { maxAgeSeconds: 60, maxBytes: 4096 }).callsPerSecond).toBe(100);
  });

  it('more partitions (instances × keys × contexts) → lower hit ratio', () => {
    const few = encryptCache(1000, 10, 1024, { maxAgeSeconds: 1 });
    const many = encryptCache(1000, 10_000, 1024, { maxAgeSeconds: 1 });
    expect(few.hitRatio).toBeGreaterThan(0.98);
    expect(many.hitRatio).toBeLessThan(0.1);
  });
});

describe('follow-pattern decrypt (approximation vs message-level simulation)', () => {
  /** Writers with caches; every message read `reads` times by random readers with decrypt caches. */
  function simulate(o: { writeRate: number; writers: number; readers: number; readsPerMessage: number; enc: { maxAgeSeconds: number; maxMessages?: number }; dec?: { maxAgeSeconds: number; maxMessages?: number }; seconds: number }) {
    const rand = mulberry32(11);
    const bank = new CacheBank(o.writers, 1024, o.enc);
    const readerCache = new Map<string, { at: number; uses: number }>();
    const bound = o.dec?.maxMessages ?? 2 ** 32;
    let t = 0;
    let decrypts = 0;
    let dataKeys = 0;
    let reads = 0;
    for (;;) {
      t += -Math.log(1 - rand()) / o.writeRate;
      if (t >= o.seconds) break;
      const p = Math.floor(rand() * o.writers);
      if (!bank.use(p, t)) {
        bank.fill(p, t);
        dataKeys++;
      }
      const key = bank.keyId[p]!;
      for (let r = 0; r < o.readsPerMessage; r++) {
        reads++;
        const reader = Math.floor(rand() * o.readers);
        if (!o.dec) {
          decrypts++;
          continue;
        }
        const id = `${reader}:${key}`;
        const e = readerCache.get(id);
        if (e && t - e.at <= o.dec.maxAgeSeconds && e.uses < bound) e.uses++;
        else {
          decrypts++;
          readerCache.set(id, { at: t, uses: 1 });
        }
      }
    }
    return { decryptsPerSecond: decrypts / o.seconds, dataKeysPerSecond: dataKeys / o.seconds, readsPerSecond: reads / o.seconds };
  }

  const cases = [
    { name: 'readers ≫ reads per key', writeRate: 2000, writers: 96, readers: 40, readsPerMessage: 2, enc: { maxAgeSeconds: 1, maxMessages: 10 }, dec: { maxAgeSeconds: 1, maxMessages: 10 } },
    { name: 'long writer keys, reader cache covers the window', writeRate: 2000, writers: 20, readers: 8, readsPerMessage: 1, enc: { maxAgeSeconds: 5, maxMessages: 200 }, dec: { maxAgeSeconds: 30 } },
    { name: 'reader cache message-bound', writeRate: 2000, writers: 10, readers: 2, readsPerMessage: 2, enc: { maxAgeSeconds: 10, maxMessages: 400 }, dec: { maxAgeSeconds: 30, maxMessages: 5 } },
  ];
  for (const c of cases) {
    it(`${c.name}: Decrypt/s within 15 %`, () => {
      const sim = simulate({ ...c, seconds: 120 });
      const enc = encryptCache(c.writeRate, c.writers, 1024, c.enc);
      const closed = followDecrypt({
        readsPerSecond: c.writeRate * c.readsPerMessage,
        dataKeysPerSecond: enc.callsPerSecond,
        messagesPerDataKey: enc.messagesPerDataKey,
        writerRatePerPartition: enc.ratePerPartition,
        readers: c.readers,
        messageBytes: 1024,
        cache: c.dec,
      });
      expect(Math.abs(sim.decryptsPerSecond - closed.callsPerSecond) / sim.decryptsPerSecond).toBeLessThan(0.15);
    });
  }

  it('without a reader cache every read is a Decrypt', () => {
    const r = followDecrypt({ readsPerSecond: 500, dataKeysPerSecond: 10, messagesPerDataKey: 20, writerRatePerPartition: 5, readers: 3, messageBytes: 100, cache: undefined });
    expect(r.callsPerSecond).toBe(500);
  });
});
