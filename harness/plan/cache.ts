/**
 * Data-key cache arithmetic (pure): how many messages one data key protects, the cache hit ratio
 * and the KMS calls per second, from the message rate, size and the cache bounds.
 *
 * ## Encrypt side (exact for Poisson arrivals)
 *
 * One cache partition (one instance × KMS key × encryption context) sees messages at rate λ. A
 * data key is made (GenerateDataKey) on a miss and then reused by later messages until it is
 * `maxAge` seconds old or has protected `M = min(maxMessages, ⌊maxBytes / messageBytes⌋)`
 * messages (the AWS Encryption SDK's caching CMM bounds). The next message after that misses.
 * With Poisson arrivals the cycles are independent (renewal), so
 *
 *     E[K] = messages per data key = 1 + E[min(M − 1, N)],  N ~ Poisson(λ · maxAge)
 *     GenerateDataKey/s = λ / E[K],  hit ratio = 1 − 1 / E[K].
 *
 * `M < 1` (a message larger than maxBytes) means the SDK does not cache: E[K] = 1.
 * Cache capacity (entries) is assumed large enough for every partition of an instance.
 *
 * ## Decrypt side, `follow` pattern (approximation)
 *
 * Readers consume messages shortly after they are written, each message read ρ times by a random
 * one of R reader instances, each with a decrypt-side cache keyed by the encrypted data key. A
 * data key covers E[K] messages written over T = E[K] / λ seconds; one reader sees
 * ν = E[K]·ρ / R of its reads in that window. Its cache turns them into
 * c ≈ max(1 − e^(−ν), ν / E[K_r]) Decrypt calls, where E[K_r] is the reader cache's messages per
 * entry with N_r ~ Poisson(ν · min(maxAge_r, T) / T). The first term is exact when the reader
 * cache outlives the window (one Decrypt if the reader saw the key at all), the second when it
 * does not. Checked against a message-level simulation in cache.test.ts.
 *
 * @module
 */
import { erfc, mulberry32 } from '../../common/numeric.js';
import { ESDK_DEFAULT_MAX_BYTES, ESDK_DEFAULT_MAX_MESSAGES, type CacheBounds } from './workload.js';

/** ln(n!) for integer n ≥ 0. */
export function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 64) {
    let s = 0;
    for (let k = 2; k <= n; k++) s += Math.log(k);
    return s;
  }
  // Stirling series; error < 1e-15 relative for n ≥ 64.
  const inv = 1 / n;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv / 12 - (inv * inv * inv) / 360 + inv ** 5 / 1260;
}


/**
 * E[min(m, X)] for X ~ Poisson(mu) and an integer m ≥ 0 (m may be huge, e.g. 2^32).
 * Exact summation Σ_{k<m} P(X > k) over the non-negligible window, normal approximation when
 * mu > 1e7 (where the window would be too long to sum and the approximation error is < 1e-3 relative).
 */
export function expectedMinPoisson(m: number, mu: number): number {
  if (!(m > 0) || !(mu > 0)) return 0;
  if (!Number.isFinite(mu)) return m;
  const sigma = Math.sqrt(mu);
  if (mu > 1e7) {
    const z = (m - mu) / sigma;
    const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const tail = 0.5 * erfc(z / Math.SQRT2);
    return Math.max(0, Math.min(m, mu - sigma * (phi - z * tail)));
  }
  const lo = Math.max(0, Math.floor(mu - 12 * sigma - 10));
  if (m <= lo) return m; // P(X > k) ≈ 1 for every k < m
  const hi = mu + 12 * sigma + 10;
  let sum = lo; // k < lo: each term ≈ 1
  let pmf = Math.exp(-mu + lo * Math.log(mu) - logFactorial(lo));
  let cdf = 0;
  for (let k = lo; k < m; k++) {
    if (k > lo) pmf *= mu / k;
    cdf += pmf;
    const tail = 1 - cdf;
    if (k > hi || tail < 1e-16) break; // remaining terms are 0
    sum += tail;
  }
  return sum;
}

/** Effective reuse bound of a cache for a message size: min(maxMessages, ⌊maxBytes / size⌋). */
export function messageBound(cache: Pick<CacheBounds, 'maxMessages' | 'maxBytes'>, messageBytes: number): number {
  const byMessages = cache.maxMessages ?? ESDK_DEFAULT_MAX_MESSAGES;
  const byBytes = Math.floor((cache.maxBytes ?? ESDK_DEFAULT_MAX_BYTES) / Math.max(1, messageBytes));
  return Math.min(byMessages, byBytes);
}

/** Messages protected by one data key in one partition (≥ 1). `cache` undefined: 1. */
export function messagesPerDataKey(ratePerPartition: number, messageBytes: number, cache: CacheBounds | undefined): number {
  if (!cache) return 1;
  const m = messageBound(cache, messageBytes);
  if (m < 1) return 1;
  return 1 + expectedMinPoisson(m - 1, ratePerPartition * cache.maxAgeSeconds);
}

export interface EncryptCacheResult {
  /** KMS data-key calls per second (all partitions). */
  callsPerSecond: number;
  messagesPerDataKey: number;
  hitRatio: number;
  /** Partitions (instances × keys × contexts). */
  partitions: number;
  /** Messages per second in one partition. */
  ratePerPartition: number;
}

/** Encrypt side: data-key calls per second for `messagesPerSecond` spread evenly over `partitions`. */
export function encryptCache(messagesPerSecond: number, partitions: number, messageBytes: number, cache: CacheBounds | undefined): EncryptCacheResult {
  const ratePerPartition = messagesPerSecond / partitions;
  const k = messagesPerDataKey(ratePerPartition, messageBytes, cache);
  return { callsPerSecond: messagesPerSecond / k, messagesPerDataKey: k, hitRatio: 1 - 1 / k, partitions, ratePerPartition };
}

export interface FollowDecryptInput {
  /** Reads per second (all readers). */
  readsPerSecond: number;
  /** Data keys created per second by the writers (= their GenerateDataKey rate). */
  dataKeysPerSecond: number;
  /** Messages one data key protects (writer side). */
  messagesPerDataKey: number;
  /** Messages per second in one writer partition. */
  writerRatePerPartition: number;
  readers: number;
  messageBytes: number;
  cache: CacheBounds | undefined;
}

export interface FollowDecryptResult {
  callsPerSecond: number;
  hitRatio: number;
  /** Decrypt calls per data key (all readers). */
  decryptsPerDataKey: number;
}

/** Decrypt side of the `follow` pattern (see the module comment for the model). */
export function followDecrypt(i: FollowDecryptInput): FollowDecryptResult {
  if (i.readsPerSecond <= 0 || i.dataKeysPerSecond <= 0) return { callsPerSecond: 0, hitRatio: 0, decryptsPerDataKey: 0 };
  const readsPerDataKey = i.readsPerSecond / i.dataKeysPerSecond;
  if (!i.cache) return { callsPerSecond: i.readsPerSecond, hitRatio: 0, decryptsPerDataKey: readsPerDataKey };
  const nu = readsPerDataKey / i.readers;
  const window = i.messagesPerDataKey / i.writerRatePerPartition;
  const mu = window > 0 ? (nu * Math.min(i.cache.maxAgeSeconds, window)) / window : nu;
  const m = messageBound(i.cache, i.messageBytes);
  const kr = m < 1 ? 1 : 1 + expectedMinPoisson(m - 1, mu);
  const perReader = Math.min(nu, Math.max(1 - Math.exp(-nu), nu / kr));
  const decryptsPerDataKey = perReader * i.readers;
  const callsPerSecond = Math.min(i.readsPerSecond, decryptsPerDataKey * i.dataKeysPerSecond);
  return { callsPerSecond, hitRatio: 1 - callsPerSecond / i.readsPerSecond, decryptsPerDataKey };
}

// -------------------------------------------------------------------------------------------
// Message-level model of one set of caches (used by --simulate and to check the formulas)

/** Deterministic PRNG (mulberry32) → uniform in [0, 1). */
export { mulberry32 };

/**
 * The data-key caches of many partitions, message by message: `use(partition, nowS)` returns true
 * on a hit, false on a miss (the caller then asks KMS and calls `fill` if it got a key).
 */
export class CacheBank {
  private readonly createdAt: Float64Array;
  private readonly uses: Float64Array;
  private readonly live: Uint8Array;
  private readonly bound: number;
  private readonly maxAge: number;
  private serial = 0;
  /** Id of the data key in each partition (for decrypt-side models). */
  readonly keyId: Float64Array;

  constructor(
    readonly partitions: number,
    messageBytes: number,
    readonly cache: CacheBounds | undefined,
  ) {
    this.createdAt = new Float64Array(partitions);
    this.uses = new Float64Array(partitions);
    this.live = new Uint8Array(partitions);
    this.keyId = new Float64Array(partitions);
    this.bound = cache ? messageBound(cache, messageBytes) : 0;
    this.maxAge = cache?.maxAgeSeconds ?? 0;
  }

  /** A message in `partition` at time `nowS`: true if a cached data key serves it. */
  use(partition: number, nowS: number): boolean {
    if (this.bound < 1 || this.live[partition] === 0) return false;
    if (nowS - this.createdAt[partition]! > this.maxAge || this.uses[partition]! >= this.bound) {
      this.live[partition] = 0;
      return false;
    }
    this.uses[partition]!++;
    return true;
  }

  /** A new data key for `partition` (after a successful KMS call), counting this message. */
  fill(partition: number, nowS: number): number {
    this.keyId[partition] = ++this.serial;
    if (this.bound < 1) return this.serial;
    this.live[partition] = 1;
    this.createdAt[partition] = nowS;
    this.uses[partition] = 1;
    return this.serial;
  }
}
