/**
 * Number and date formatting for the templates (the only arithmetic templates do is none:
 * every figure arrives computed; these only turn numbers into text).
 *
 * @module
 */

const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1,234 */
export const int = (n: number | null | undefined): string => (n === null || n === undefined || !Number.isFinite(n) ? '—' : group(Math.round(n).toString()));

/** Milliseconds with three significant digits: 0.412 ms, 12.3 ms, 1,234 ms. */
export function ms(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0 ms';
  const a = Math.abs(v);
  if (a >= 1000) return `${int(v)} ms`;
  return `${Number(v.toPrecision(3))} ms`;
}

/** Requests per second: 200/s, 1,000/s, 12.5/s. */
export function rate(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100 ? `${int(v)}/s` : `${Number(v.toFixed(1))}/s`;
}

/** A fraction as a percentage: 0.123 → 12.3 %. */
export const pct = (f: number | null | undefined, digits = 1): string => (f === null || f === undefined || !Number.isFinite(f) ? '—' : `${(f * 100).toFixed(digits)} %`);

/** A relative change with its sign: +12.3 %, −4.0 %. */
export const signedPct = (f: number | null | undefined, digits = 1): string =>
  f === null || f === undefined || !Number.isFinite(f) ? '—' : `${f >= 0 ? '+' : '−'}${Math.abs(f * 100).toFixed(digits)} %`;

/** A p-value: 0.0123, <0.0001. */
export const p = (v: number): string => (v < 1e-4 ? '<0.0001' : v.toFixed(4));

/** Durations: 850 ms, 6.0 s, 1 min 20 s. */
export function duration(msv: number | null | undefined): string {
  if (msv === null || msv === undefined || !Number.isFinite(msv)) return '—';
  if (msv < 1000) return `${Math.round(msv)} ms`;
  if (msv < 60_000) return `${(msv / 1000).toFixed(1)} s`;
  return `${Math.floor(msv / 60_000)} min ${Math.round((msv % 60_000) / 1000)} s`;
}

/** ISO 8601 → 2026-11-25 15:32:03 UTC. */
export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** US dollars: $1,234.56. */
export const usd = (v: number): string => `${v < 0 ? '−' : ''}$${group(Math.abs(v).toFixed(2))}`;

/** Anything a generic table cell may hold. */
export function auto(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '—';
    if (Number.isInteger(v)) return int(v);
    return Math.abs(v) >= 100 ? int(v) : Number(v.toPrecision(3)).toString();
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export const formatters = { int, ms, rate, pct, signedPct, p, duration, date, usd, auto };
export type Formatters = typeof formatters;
