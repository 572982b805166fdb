/**
 * The report's charts, each a pure function from data to an SVG string:
 *
 * - `spectrumChart` — latency percentile spectrum, both axes logarithmic (x in "nines": 90 %,
 *   99 %, 99.9 % … equally spaced, as HdrHistogram plots it);
 * - `timeChart` — values over time: lines (per-second rates) and horizontal segments (a value
 *   that holds for a stage, e.g. its p99);
 * - `throttleChart` — offered × admitted (and throttled) rate against the ideal limiter;
 * - `deltaChart` — baseline deltas: each metric's change with its noise band and tolerance;
 * - `barChart` — horizontal grouped bars (per-target percentiles), log scale.
 *
 * @module
 */
import type { SpectrumPoint } from '../spectrum.js';
import {
  axes,
  colour,
  DEFAULT_BOX,
  emptyChart,
  esc,
  finishChart,
  layoutLegend,
  linearScale,
  linearTicks,
  linePath,
  logScale,
  logTicks,
  plotArea,
  px,
  shortNumber,
  svgOpen,
  textWidth,
  type Box,
  type LegendItem,
  type Tick,
} from './core.js';

const fmtMs = (v: number) => `${Number(v.toPrecision(3))} ms`;

// ───────────────────────────── percentile spectrum ─────────────────────────────

export interface SpectrumSeries {
  label: string;
  spectrum: readonly SpectrumPoint[];
}

/** Distance in "nines" of a percentile: 90 % → 1, 99 % → 2, 99.9 % → 3. */
export const nines = (percentile: number): number => Math.log10(100 / (100 - percentile));

const ninesLabel = (n: number) => (n === 0 ? '0 %' : `${Number((100 - 100 / 10 ** n).toFixed(Math.max(0, n - 2)))} %`);

export function spectrumChart(title: string, series: readonly SpectrumSeries[], box: Box = DEFAULT_BOX): string {
  const live = series.map((s) => ({ ...s, spectrum: s.spectrum.filter((p) => p.ms > 0 && p.percentile >= 0 && p.percentile <= 100) })).filter((s) => s.spectrum.length > 0);
  if (live.length === 0) return emptyChart(title, 'no latency recorded', box, 'spectrum');
  const finite = live.flatMap((s) => s.spectrum.filter((p) => p.percentile < 100).map((p) => nines(p.percentile)));
  const top = Math.min(6, Math.max(1, ...finite) + 0.4); // where 100 % (the maximum) is drawn
  const xOf = (p: number) => (p >= 100 ? top : Math.min(top, nines(p)));
  const values = live.flatMap((s) => s.spectrum.map((p) => p.ms));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const lg = layoutLegend(box, live.map((s, i) => ({ label: s.label, colour: colour(i) })));
  box = lg.box;
  const a = plotArea(box);
  const x = linearScale([0, top], a.x);
  const y = logScale([lo / 1.3, hi * 1.3], a.y);
  const xTicks: Tick[] = [];
  for (let n = 0; n <= Math.floor(top); n++) xTicks.push({ value: n, label: ninesLabel(n) });
  if (top - Math.floor(top) > 0.25) xTicks.push({ value: top, label: 'max' });
  const yTicks = logTicks(y.domain[0], y.domain[1]).map((v) => ({ value: v, label: shortNumber(v) }));
  const out = [svgOpen(box, title, 'spectrum'), axes(box, x, y, xTicks, yTicks, 'percentile (log scale of 1 / (1 − p))', 'latency, ms (log scale)')];
  live.forEach((s, i) => {
    const c = colour(i);
    const pts = s.spectrum.map((p) => [x(xOf(p.percentile)), y(p.ms)] as [number, number]);
    out.push(`<path class="series" d="${linePath(pts)}" fill="none" stroke="${c}" stroke-width="2"/>`);
    for (const p of s.spectrum) {
      out.push(
        `<circle cx="${px(x(xOf(p.percentile)))}" cy="${px(y(p.ms))}" r="2.5" fill="${c}"><title>${esc(`${s.label}: ${p.percentile >= 100 ? 'max' : `p${Number(p.percentile.toFixed(4))}`} ${fmtMs(p.ms)}`)}</title></circle>`,
      );
    }
  });
  return finishChart(out, lg.svg);
}

// ───────────────────────────── over time ─────────────────────────────

export interface TimeSeries {
  label: string;
  /** [seconds, value]; null values break the line. */
  points: readonly (readonly [number, number | null])[];
  dash?: string;
}

export interface TimeSegments {
  label: string;
  segments: readonly { from: number; to: number; value: number }[];
  dash?: string;
}

export interface TimeMarker {
  at: number;
  label: string;
}

export interface TimeChartOptions {
  yLabel: string;
  yLog?: boolean;
  series?: readonly TimeSeries[];
  segments?: readonly TimeSegments[];
  /** Vertical lines with a label: phase or stage starts. */
  markers?: readonly TimeMarker[];
  /** Tooltip unit: "ms", "/s". */
  unit?: string;
}

export function timeChart(title: string, o: TimeChartOptions, box: Box = DEFAULT_BOX): string {
  const series = o.series ?? [];
  const segs = o.segments ?? [];
  const ts = [...series.flatMap((s) => s.points.map((p) => p[0])), ...segs.flatMap((s) => s.segments.flatMap((g) => [g.from, g.to]))].filter(Number.isFinite);
  const vs = [
    ...series.flatMap((s) => s.points.map((p) => p[1]).filter((v): v is number => v !== null)),
    ...segs.flatMap((s) => s.segments.map((g) => g.value)),
  ].filter((v) => Number.isFinite(v) && (!o.yLog || v > 0));
  if (ts.length === 0 || vs.length === 0) return emptyChart(title, 'nothing recorded over time', box, 'time');
  const legendItems: LegendItem[] = [...segs, ...series].map((s, i) => ({ label: s.label, colour: colour(i), ...(s.dash ? { dash: s.dash } : {}) }));
  const lg = layoutLegend(box, legendItems);
  box = lg.box;
  const a = plotArea(box);
  const t0 = Math.min(0, ...ts);
  const t1 = Math.max(...ts, t0 + 1);
  const x = linearScale([t0, t1], a.x);
  const vmax = Math.max(...vs);
  const y = o.yLog ? logScale([Math.min(...vs) / 1.3, vmax * 1.3], a.y) : linearScale([0, vmax > 0 ? vmax * 1.08 : 1], a.y);
  const xTicks = linearTicks(t0, t1, 8).map((v) => ({ value: v, label: `${shortNumber(v)} s` }));
  const yTicks = (o.yLog ? logTicks(y.domain[0], y.domain[1]) : linearTicks(y.domain[0], y.domain[1], 5)).map((v) => ({ value: v, label: shortNumber(v) }));
  const out = [svgOpen(box, title, 'time'), axes(box, x, y, xTicks, yTicks, 'time since the run started, s', o.yLabel)];
  const markers = [...(o.markers ?? [])].sort((p, q) => p.at - q.at);
  markers.forEach((m, i) => {
    const mx = px(x(m.at));
    out.push(`<line class="marker" x1="${mx}" x2="${mx}" y1="${px(a.y[0])}" y2="${px(a.y[1])}" stroke="#888" stroke-width="1"><title>${esc(m.label)}</title></line>`);
    // The label gets the room up to the next marker, shortened to fit.
    const room = (i + 1 < markers.length ? x(markers[i + 1]!.at) : a.x[1]) - x(m.at) - 6;
    const fit = Math.floor(room / textWidth('x', 10));
    const text = m.label.length <= fit ? m.label : fit >= 3 ? `${m.label.slice(0, fit - 1)}…` : '';
    if (text) out.push(`<text x="${px(x(m.at) + 3)}" y="${px(a.y[1] + 11)}" font-size="10" fill="#555">${esc(text)}</text>`);
  });
  let ci = 0;
  const unit = o.unit ? ` ${o.unit}` : '';
  for (const s of segs) {
    const c = colour(ci++);
    const d = s.segments.map((g) => `M${px(x(g.from))} ${px(y(g.value))}L${px(x(g.to))} ${px(y(g.value))}`).join('');
    out.push(`<path class="series" d="${d}" fill="none" stroke="${c}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const g of s.segments) {
      out.push(
        `<rect x="${px(x(g.from))}" y="${px(y(g.value) - 4)}" width="${px(Math.max(1, x(g.to) - x(g.from)))}" height="8" fill="transparent"><title>${esc(`${s.label}: ${shortNumber(g.value)}${unit} (${shortNumber(g.from)}–${shortNumber(g.to)} s)`)}</title></rect>`,
      );
    }
  }
  for (const s of series) {
    const c = colour(ci++);
    const pts = s.points.map(([t, v]) => (v === null || (o.yLog && !(v > 0)) ? null : ([x(t), y(v)] as [number, number])));
    out.push(`<path class="series" d="${linePath(pts)}" fill="none" stroke="${c}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [t, v] of s.points) {
      if (v === null || (o.yLog && !(v > 0))) continue;
      out.push(`<circle cx="${px(x(t))}" cy="${px(y(v))}" r="2" fill="${c}"><title>${esc(`${s.label} at ${shortNumber(t)} s: ${shortNumber(v)}${unit}`)}</title></circle>`);
    }
  }
  return finishChart(out, lg.svg);
}

// ───────────────────────────── throttle curve ─────────────────────────────

export interface ThrottleSeries {
  label: string;
  quota: number;
  steps: readonly { factor: number; offered: number; admitted: number; throttled: number }[];
}

/**
 * Offered (x) against admitted and throttled (y) rates, with the ideal limiter (admits
 * min(offered, quota)). Several series with different quotas are drawn in multiples of their
 * quota.
 */
export function throttleChart(title: string, series: readonly ThrottleSeries[], box: Box = DEFAULT_BOX): string {
  const live = series.filter((s) => s.steps.length > 0 && s.quota > 0);
  if (live.length === 0) return emptyChart(title, 'no throttle-curve steps', box, 'throttle');
  const normalized = new Set(live.map((s) => s.quota)).size > 1;
  const k = (s: ThrottleSeries) => (normalized ? 1 / s.quota : 1);
  const quota = normalized ? 1 : live[0]!.quota;
  const items: LegendItem[] = [{ label: 'ideal limiter', colour: '#999', dash: '6 4' }];
  live.forEach((s, i) => {
    const name = live.length > 1 ? `${s.label}: ` : '';
    items.push({ label: `${name}admitted`, colour: colour(i) }, { label: `${name}throttled`, colour: colour(i), dash: '3 3' });
  });
  const lg = layoutLegend(box, items);
  box = lg.box;
  const a = plotArea(box);
  const xmax = Math.max(...live.flatMap((s) => s.steps.map((p) => p.offered * k(s))));
  const ymax = Math.max(quota * 1.1, ...live.flatMap((s) => s.steps.flatMap((p) => [p.admitted * k(s), p.throttled * k(s)])));
  const x = linearScale([0, xmax * 1.05], a.x);
  const y = linearScale([0, ymax * 1.1], a.y);
  const label = (v: number) => (normalized ? `${shortNumber(v)}×` : shortNumber(v));
  const xTicks = linearTicks(0, xmax * 1.05, 6).map((v) => ({ value: v, label: label(v) }));
  const yTicks = linearTicks(0, ymax * 1.1, 5).map((v) => ({ value: v, label: label(v) }));
  const unit = normalized ? '× quota' : 'requests/s';
  const out = [svgOpen(box, title, 'throttle'), axes(box, x, y, xTicks, yTicks, `offered, ${unit}`, `rate, ${unit}`)];
  // The ideal limiter and the quota.
  out.push(`<path class="ideal" d="${linePath([[x(0), y(0)], [x(quota), y(quota)], [x(xmax * 1.05), y(quota)]])}" fill="none" stroke="#999" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${px(a.x[1] - 4)}" y="${px(y(quota) - 5)}" text-anchor="end" fill="#777">quota ${esc(label(quota))}${normalized ? '' : '/s'}</text>`);
  live.forEach((s, i) => {
    const c = colour(i);
    const name = live.length > 1 ? `${s.label}: ` : '';
    const adm = s.steps.map((p) => [x(p.offered * k(s)), y(p.admitted * k(s))] as [number, number]);
    const thr = s.steps.map((p) => [x(p.offered * k(s)), y(p.throttled * k(s))] as [number, number]);
    out.push(`<path class="series admitted" d="${linePath(adm)}" fill="none" stroke="${c}" stroke-width="2.5"/>`);
    out.push(`<path class="series throttled" d="${linePath(thr)}" fill="none" stroke="${c}" stroke-width="1.5" stroke-dasharray="3 3"/>`);
    for (const p of s.steps) {
      const tip = `${name}${p.factor}× quota: offered ${shortNumber(p.offered)}/s, admitted ${shortNumber(p.admitted)}/s, throttled ${shortNumber(p.throttled)}/s`;
      out.push(`<circle cx="${px(x(p.offered * k(s)))}" cy="${px(y(p.admitted * k(s)))}" r="3.5" fill="${c}"><title>${esc(tip)}</title></circle>`);
      out.push(`<rect x="${px(x(p.offered * k(s)) - 3)}" y="${px(y(p.throttled * k(s)) - 3)}" width="6" height="6" fill="#fff" stroke="${c}"><title>${esc(tip)}</title></rect>`);
    }
  });
  return finishChart(out, lg.svg);
}

// ───────────────────────────── baseline deltas ─────────────────────────────

export interface DeltaRow {
  label: string;
  /** Relative change current / baseline − 1. */
  change: number;
  band: readonly [number, number] | null;
  /** Worse by more than this is beyond tolerance. */
  tolerance: number;
  better: 'lower' | 'higher';
  verdict: 'regression' | 'improvement' | 'ok' | 'insufficient';
}

const VERDICT_COLOUR: Record<DeltaRow['verdict'], string> = { regression: '#C0392B', improvement: '#009E73', ok: '#0072B2', insufficient: '#999999' };

/** Each metric's change drawn as "worse by" (right is worse for every metric), with its noise band and tolerance. */
export function deltaChart(title: string, rows: readonly DeltaRow[], width = DEFAULT_BOX.width): string {
  const rowH = 22;
  const box: Box = { width, height: 34 + 46 + Math.max(1, rows.length) * rowH, margin: { top: 34, right: 24, bottom: 46, left: 280 } };
  const live = rows.filter((r) => Number.isFinite(r.change));
  if (live.length === 0) return emptyChart(title, 'no metric in common with the baseline', box, 'delta');
  const worse = (r: DeltaRow, v: number) => (r.better === 'lower' ? v : -v);
  const span = live.flatMap((r) => [worse(r, r.change), r.tolerance, ...(r.band ? r.band.map((v) => worse(r, v)) : [])]);
  const lo = Math.max(-1, Math.min(-0.05, ...span));
  const hi = Math.min(3, Math.max(0.05, ...span));
  const a = plotArea(box);
  const x = linearScale([lo * 1.1, hi * 1.1], a.x);
  const clampX = (v: number) => x(Math.max(lo * 1.1, Math.min(hi * 1.1, v)));
  const xTicks = linearTicks(lo * 1.1, hi * 1.1, 8).map((v) => ({ value: v, label: `${v > 0 ? '+' : ''}${Number((v * 100).toFixed(1))} %` }));
  const out = [svgOpen(box, title, 'delta', 8)];
  out.push(`<g class="axes" stroke="#ccc">`);
  for (const t of xTicks) out.push(`<line x1="${px(x(t.value))}" x2="${px(x(t.value))}" y1="${px(a.y[0])}" y2="${px(a.y[1])}" stroke-dasharray="2 3"/>`);
  out.push(`<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${px(a.y[0])}" y2="${px(a.y[1])}" stroke="#555"/>`);
  out.push('</g><g class="tick-labels" fill="#444">');
  for (const t of xTicks) out.push(`<text x="${px(x(t.value))}" y="${px(a.y[0] + 16)}" text-anchor="middle">${esc(t.label)}</text>`);
  out.push('</g>');
  out.push(`<text class="axis-label" x="${px(box.width / 2)}" y="${px(box.height - 8)}" text-anchor="middle" fill="#222">change, worse → (p99 up, throughput down) · band: noise · red tick: tolerance</text>`);
  rows.forEach((r, i) => {
    const cy = a.y[1] + rowH * i + rowH / 2;
    out.push(`<text x="${px(a.x[0] - 8)}" y="${px(cy + 4)}" text-anchor="end" fill="#222">${esc(r.label)}</text>`);
    if (!Number.isFinite(r.change)) return;
    const w = worse(r, r.change);
    if (r.band) {
      const b0 = Math.min(worse(r, r.band[0]), worse(r, r.band[1]));
      const b1 = Math.max(worse(r, r.band[0]), worse(r, r.band[1]));
      out.push(`<rect class="band" x="${px(clampX(b0))}" y="${px(cy - 6)}" width="${px(Math.max(1, clampX(b1) - clampX(b0)))}" height="12" fill="${VERDICT_COLOUR[r.verdict]}" fill-opacity="0.18" stroke="${VERDICT_COLOUR[r.verdict]}" stroke-opacity="0.5"/>`);
    }
    out.push(`<line class="tolerance" x1="${px(x(r.tolerance))}" x2="${px(x(r.tolerance))}" y1="${px(cy - 9)}" y2="${px(cy + 9)}" stroke="#C0392B" stroke-width="2"/>`);
    const tip = `${r.label}: ${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)} %${r.band ? ` (band ${(r.band[0] * 100).toFixed(1)} … ${(r.band[1] * 100).toFixed(1)} %)` : ''}, ${r.verdict}`;
    out.push(`<circle class="estimate" cx="${px(clampX(w))}" cy="${px(cy)}" r="4.5" fill="${VERDICT_COLOUR[r.verdict]}"><title>${esc(tip)}</title></circle>`);
  });
  out.push('</svg>');
  return out.join('');
}

// ───────────────────────────── grouped bars ─────────────────────────────

export interface BarGroup {
  label: string;
  values: readonly (number | null)[];
}

/** Horizontal grouped bars: one row per category, one bar per group, log scale. */
export function barChart(title: string, categories: readonly string[], groups: readonly BarGroup[], o: { xLabel: string; unit?: string }, width = DEFAULT_BOX.width): string {
  const barH = 9;
  const rowH = Math.max(18, groups.length * barH + 8);
  let box: Box = { width, height: 34 + 46 + Math.max(1, categories.length) * rowH, margin: { top: 34, right: 24, bottom: 46, left: 180 } };
  const vs = groups.flatMap((g) => g.values.filter((v): v is number => v !== null && v > 0));
  if (categories.length === 0 || vs.length === 0) return emptyChart(title, 'nothing to compare', box, 'bars');
  const lg = layoutLegend(box, groups.map((g, j) => ({ label: g.label, colour: colour(j) })), 8);
  box = lg.box;
  const a = plotArea(box);
  const x = logScale([Math.min(...vs) / 2, Math.max(...vs) * 1.5], a.x);
  const xTicks = logTicks(x.domain[0], x.domain[1]).map((v) => ({ value: v, label: shortNumber(v) }));
  const out = [svgOpen(box, title, 'bars', 8), '<g class="axes" stroke="#ccc">'];
  for (const t of xTicks) out.push(`<line x1="${px(x(t.value))}" x2="${px(x(t.value))}" y1="${px(a.y[0])}" y2="${px(a.y[1])}" stroke-dasharray="2 3"/>`);
  out.push('</g><g class="tick-labels" fill="#444">');
  for (const t of xTicks) out.push(`<text x="${px(x(t.value))}" y="${px(a.y[0] + 16)}" text-anchor="middle">${esc(t.label)}</text>`);
  out.push('</g>');
  out.push(`<text class="axis-label" x="${px((a.x[0] + a.x[1]) / 2)}" y="${px(box.height - 8)}" text-anchor="middle" fill="#222">${esc(o.xLabel)}</text>`);
  const unit = o.unit ? ` ${o.unit}` : '';
  categories.forEach((cat, i) => {
    const top = a.y[1] + rowH * i + 4;
    out.push(`<text x="${px(a.x[0] - 8)}" y="${px(top + rowH / 2)}" text-anchor="end" fill="#222">${esc(cat)}</text>`);
    groups.forEach((g, j) => {
      const v = g.values[i];
      if (v === null || v === undefined || !(v > 0)) return;
      out.push(
        `<rect class="bar" x="${px(a.x[0])}" y="${px(top + j * barH)}" width="${px(Math.max(1, x(v) - a.x[0]))}" height="${barH - 1}" fill="${colour(j)}"><title>${esc(`${cat}, ${g.label}: ${Number(v.toPrecision(3))}${unit}`)}</title></rect>`,
      );
    });
  });
  return finishChart(out, lg.svg);
}
