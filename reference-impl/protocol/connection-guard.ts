/**
 * Deadlines for receiving a request, so that slow clients (slowloris) cannot hold connections
 * open by trickling bytes: the idle timeout alone is reset by every byte.
 *
 * - headers: from the start of a request (its first byte; for a connection's first request, the
 *   moment it connected) to the end of its head;
 * - request: from the same start to the end of its body.
 *
 * A connection is watched only while a request is being received: not while its reply is being
 * computed, and not while it sits idle between requests (the idle timeout covers that). One
 * sweep timer per server checks every watched connection, so the hot path only stores a time.
 *
 * @module
 */

export interface Deadlines {
  /** 0 disables. */
  headersTimeoutMs: number;
  /** 0 disables. */
  requestTimeoutMs: number;
}

/** @throws RangeError when a deadline is not a whole number of ms >= 0, or the headers' exceeds the request's. */
export function checkDeadlines(d: Deadlines): void {
  for (const [name, v] of Object.entries(d)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number of ms >= 0 (0: no limit), got ${v}`);
  }
  if (d.headersTimeoutMs > 0 && d.requestTimeoutMs > 0 && d.headersTimeoutMs > d.requestTimeoutMs) {
    throw new RangeError(`the header timeout (${d.headersTimeoutMs} ms) must not exceed the request timeout (${d.requestTimeoutMs} ms)`);
  }
}

/** What a connection tells the guard; its owner updates it as bytes arrive. */
export interface Receiving {
  /** `Date.now()` when the request being received started; 0 when none is. */
  since: number;
  /** The request's head has been read. */
  headDone: boolean;
}

export class ConnectionGuard {
  private readonly watched = new Map<Receiving, () => void>();
  private timer: NodeJS.Timeout | undefined;
  private readonly everyMs: number;

  constructor(private readonly deadlines: Deadlines) {
    checkDeadlines(deadlines);
    const shortest = Math.min(...[deadlines.headersTimeoutMs, deadlines.requestTimeoutMs].filter((ms) => ms > 0));
    // A fortieth of the shortest deadline (at most 1 s), so a connection is cut at most 2.5 % late.
    this.everyMs = Number.isFinite(shortest) ? Math.min(1000, Math.max(20, Math.floor(shortest / 40))) : 0;
  }

  /** Calls `onTimeout` (once) when `r` misses a deadline. Returns the function that stops watching. */
  watch(r: Receiving, onTimeout: () => void): () => void {
    if (this.everyMs === 0) return () => {};
    this.watched.set(r, onTimeout);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.sweep(Date.now()), this.everyMs);
      this.timer.unref();
    }
    return () => {
      this.watched.delete(r);
      if (this.watched.size === 0) this.stop();
    };
  }

  /** Times out every watched request past a deadline at `now`. */
  sweep(now: number): void {
    const { headersTimeoutMs, requestTimeoutMs } = this.deadlines;
    for (const [r, onTimeout] of this.watched) {
      if (r.since === 0) continue;
      const age = now - r.since;
      if ((headersTimeoutMs > 0 && !r.headDone && age >= headersTimeoutMs) || (requestTimeoutMs > 0 && age >= requestTimeoutMs)) {
        this.watched.delete(r);
        onTimeout();
      }
    }
    if (this.watched.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
