/**
 * Token bucket, continuous refill, injected clock (nanoseconds as a JS number).
 *
 * - Refill: `rate` tokens per second, continuously; capacity `burst` tokens; starts full.
 * - A request of `cost` tokens is admitted iff the bucket holds ≥ cost; then cost is removed.
 * - Over any interval of length T, admissions ≤ burst + rate·T (the admission envelope).
 *
 * Burst default: `burst = max(1, rate × 1 s)` (DEFAULT_BURST_SECONDS in profiles.ts). AWS
 * documents every request quota as "requests per second … in each one-second interval" and its
 * throttling page says that after N requests in a second (N = the quota) "all subsequent requests
 * in that second" are throttled: an idle account can spend one full second of quota at once and no
 * more. It documents no other burst allowance. One second of capacity reproduces that from idle,
 * gives exactly `rate`/s under sustained load, and never lets a sub-1/s quota (0.25/s, 0.1/s)
 * starve (the floor of one token). Its one deviation from a strict fixed window: a window that
 * starts with a full bucket can admit up to burst + rate (2× quota) within its first second;
 * lower burst-seconds tightens that at the cost of throttling bursty but in-quota clients.
 *
 * Exactness: the level is kept in nano-tokens (tokens × 1e9), so with an integer nanosecond clock
 * and an integer rate every refill `elapsedNs × rate` is an exact integer — admission counts for
 * known arrival patterns are exact, with no floating-point drift.
 *
 * A clock that steps backwards (e.g. two processes' readings) never refills and never moves the
 * bucket's time backwards.
 *
 * @module
 */

export const NS_PER_SECOND = 1e9;
const NANO = 1e9; // nano-tokens per token

/** Bucket capacity in tokens for a rate and a burst size in seconds (0 for a zero rate). */
export function burstFor(rate: number, burstSeconds: number): number {
  if (!(rate > 0)) return 0;
  // Whole nano-tokens: 278 × 0.01 is 2.7800000000000002 in binary, and a capacity that is not a
  // whole number of nano-tokens would let the level read back above the burst it was given.
  return Math.max(1, Math.round(rate * burstSeconds * NANO) / NANO);
}

/** Immutable bucket parameters. */
export interface BucketParams {
  /** Tokens per second (≥ 0). */
  readonly rate: number;
  /** Capacity in tokens (≥ 0). */
  readonly burst: number;
}

/** Immutable bucket state for the pure API. */
export interface BucketState {
  /** Level in nano-tokens (tokens × 1e9). */
  readonly nanoTokens: number;
  /** Time of the last update, ns. */
  readonly lastNs: number;
}

/** A full bucket at `nowNs`. */
export function fullBucket(params: BucketParams, nowNs: number): BucketState {
  return { nanoTokens: capacityNano(params.burst), lastNs: nowNs };
}

/** Tokens in a pure state (fractional). */
export function tokensOf(state: BucketState): number {
  return state.nanoTokens / NANO;
}

/**
 * Capacity in whole nano-tokens, never above `burst` tokens: the level is compared and read back
 * as tokens, so a capacity rounded up past `burst` would report more tokens than the bucket holds.
 */
function capacityNano(burst: number): number {
  const nano = Math.round(burst * NANO);
  return nano / NANO > burst ? nano - 1 : nano;
}

function refilled(nanoTokens: number, lastNs: number, rate: number, capNano: number, nowNs: number): number {
  if (nowNs <= lastNs || nanoTokens >= capNano) return nanoTokens;
  const elapsed = nowNs - lastNs;
  // Clamp before multiplying so the product stays below 2^53 (exact for integer inputs).
  if (rate <= 0) return nanoTokens;
  if (elapsed >= (capNano - nanoTokens) / rate) return capNano;
  return Math.min(capNano, nanoTokens + elapsed * rate);
}

/**
 * Pure admission: the decision and the next state. Allocates the result; use {@link TokenBucket}
 * on the hot path.
 */
export function admit(state: BucketState, params: BucketParams, nowNs: number, cost = 1): { admitted: boolean; state: BucketState } {
  const capNano = capacityNano(params.burst);
  const level = refilled(state.nanoTokens, state.lastNs, params.rate, capNano, nowNs);
  const lastNs = nowNs > state.lastNs ? nowNs : state.lastNs;
  const need = cost * NANO;
  if (level >= need) return { admitted: true, state: { nanoTokens: level - need, lastNs } };
  return { admitted: false, state: { nanoTokens: level, lastNs } };
}

/**
 * Mutable bucket for the hot path: `tryTake` allocates nothing. Counts its own admissions and
 * throttles.
 */
export class TokenBucket {
  // Initialised with numbers on purpose: with [[Define]] class fields (ES2022) an uninitialised
  // field starts as `undefined`, which makes V8 store it "tagged" and box a new HeapNumber on
  // every write of a double — one allocation per request.
  private rate = 0;
  private capNano = 0;
  private nano = 0;
  private last = 0;
  /** Requests admitted / throttled by this bucket. */
  allowed = 0;
  throttled = 0;

  constructor(rate: number, burst: number, nowNs: number, startFull = true) {
    checkParams(rate, burst);
    this.rate = rate;
    this.capNano = capacityNano(burst);
    this.nano = startFull ? this.capNano : 0;
    this.last = nowNs;
  }

  /** Admits (and charges) `cost` tokens if available. */
  tryTake(nowNs: number, cost = 1): boolean {
    let nano = this.nano;
    const last = this.last;
    if (nowNs > last) {
      if (nano < this.capNano && this.rate > 0) {
        const elapsed = nowNs - last;
        nano = elapsed >= (this.capNano - nano) / this.rate ? this.capNano : Math.min(this.capNano, nano + elapsed * this.rate);
      }
      this.last = nowNs;
    }
    const need = cost * NANO;
    if (nano >= need) {
      this.nano = nano - need;
      this.allowed++;
      return true;
    }
    this.nano = nano;
    this.throttled++;
    return false;
  }

  /** Whether `cost` tokens are available now (refills; charges nothing; counts nothing). */
  canTake(nowNs: number, cost = 1): boolean {
    return this.refill(nowNs) >= cost * NANO;
  }

  /** Removes `cost` tokens unconditionally (after {@link canTake}); counts an admission. */
  take(nowNs: number, cost = 1): void {
    this.nano = this.refill(nowNs) - cost * NANO;
    this.allowed++;
  }

  /** Gives back tokens taken for a request that was not carried out (capped at capacity). */
  refund(cost = 1): void {
    this.nano = Math.min(this.capNano, this.nano + cost * NANO);
    this.allowed--;
  }

  /** Tokens available at `nowNs` (refills). */
  level(nowNs: number): number {
    return this.refill(nowNs) / NANO;
  }

  /** Whether the bucket is full at `nowNs`; a full bucket behaves exactly like a new one. */
  isFull(nowNs: number): boolean {
    return this.refill(nowNs) >= this.capNano;
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  get capacity(): number {
    return this.capNano / NANO;
  }

  /** Changes rate and capacity at `nowNs` (the level is kept, capped at the new capacity). */
  reconfigure(rate: number, burst: number, nowNs: number): void {
    checkParams(rate, burst);
    const nano = this.refill(nowNs);
    this.rate = rate;
    this.capNano = capacityNano(burst);
    this.nano = Math.min(nano, this.capNano);
  }

  /** The pure state (for tests and snapshots). */
  state(): BucketState {
    return { nanoTokens: this.nano, lastNs: this.last };
  }

  private refill(nowNs: number): number {
    if (nowNs > this.last) {
      this.nano = refilled(this.nano, this.last, this.rate, this.capNano, nowNs);
      this.last = nowNs;
    }
    return this.nano;
  }
}

function checkParams(rate: number, burst: number): void {
  if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError(`token bucket rate must be a finite number ≥ 0, got ${rate}`);
  if (!(burst >= 0) || !Number.isFinite(burst)) throw new RangeError(`token bucket burst must be a finite number ≥ 0, got ${burst}`);
}

/** A monotonic nanosecond clock for production (never the server's offset clock). */
export function monotonicNs(): number {
  return Number(process.hrtime.bigint());
}
