/**
 * Calendar dates written YYYY-MM-DD (case sources, the `--aws-as-of` profile): compared as
 * strings, which orders them as dates.
 *
 * @module
 */

/** A real calendar date written YYYY-MM-DD (not 2025-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date in UTC, YYYY-MM-DD. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
