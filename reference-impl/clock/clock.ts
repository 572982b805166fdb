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

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Parses a duration such as `8d`, `36h`, `90m`, `1d12h` or a bare number of seconds.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    matched = re.lastIndex;
  }
  return matched === t.length && matched > 0 ? Math.round(total) : undefined;
}
