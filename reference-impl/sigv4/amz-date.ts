/**
 * `X-Amz-Date` (ISO 8601 basic, `YYYYMMDD'T'HHMMSS'Z'`): parsing without regular expressions,
 * formatting, and the skew as AWS's messages write it.
 *
 * @module
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Parse ISO 8601 basic `YYYYMMDD'T'HHMMSS'Z'` to epoch ms; -1 when malformed or not a real
 * calendar time.
 */
export function parseAmzDate(s: string): number {
  if (s.length !== 16 || s.charCodeAt(8) !== 0x54 /* T */ || s.charCodeAt(15) !== 0x5a /* Z */) return -1;
  const y = digits(s, 0, 4);
  const mo = digits(s, 4, 2);
  const d = digits(s, 6, 2);
  const h = digits(s, 9, 2);
  const mi = digits(s, 11, 2);
  const sec = digits(s, 13, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1;
  // Reject 20150231 and the like (Date.UTC would roll over).
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo - 1]!)) return -1;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** Epoch ms → `YYYYMMDD'T'HHMMSS'Z'` (seconds truncated). */
export function formatAmzDate(ms: number): string {
  const t = new Date(ms);
  return (
    String(t.getUTCFullYear()).padStart(4, '0') +
    pad2(t.getUTCMonth() + 1) +
    pad2(t.getUTCDate()) +
    'T' +
    pad2(t.getUTCHours()) +
    pad2(t.getUTCMinutes()) +
    pad2(t.getUTCSeconds()) +
    'Z'
  );
}

export function skewMinutes(ms: number): string {
  const m = ms / 60_000;
  return Number.isInteger(m) ? String(m) : m.toFixed(1);
}
