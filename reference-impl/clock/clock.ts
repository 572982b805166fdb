/**
 * The server's controllable clock: wall time plus an offset that only moves forward.
 *
 * Key lifecycles (deletion windows, rotation periods) run on this clock, so a conformance run
 * can advance it by days instead of waiting. SigV4 signatures are always checked against real
 * wall time, never against this clock. The offset lives in the store so every worker agrees.
 *
 * @module
 */

export interface Clock {
  /** Milliseconds since the epoch on the server's clock. */
  now(): number;
}

/** A clock whose offset from wall time is read from a shared source. */
export class OffsetClock implements Clock {
  constructor(
    private readonly readOffset: () => number,
    private readonly wall: () => number = Date.now,
  ) {}

  now(): number {
    return this.wall() + this.readOffset();
  }
}
