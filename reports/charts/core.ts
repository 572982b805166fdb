/**
 * SVG building blocks for the report's charts (pure): scales, ticks, axes, legends, escaping.
 * Charts are plain inline SVG — no script, no fonts or images fetched — so a report opens from
 * disk or an artifact store as it is.
 *
 * @module
 */

export interface Tick {
  value: number;
  label: string;
}

export interface Scale {
  (v: number): number;
  kind: 'linear' | 'log';
  domain: [number, number];
  range: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  let [d0, d1] = domain;
  if (!(d1 > d0)) [d0, d1] = [d0 - 1, d0 + 1];
  const f = ((v: number) => range[0] + ((v - d0) / (d1 - d0)) * (range[1] - range[0])) as Scale;
  return Object.assign(f, { kind: 'linear' as const, domain: [d0, d1] as [number, number], range });
}

/** A log10 scale; values at or below zero are drawn at the domain's low end. */
export function logScale(domain: [number, number], range: [number, number]): Scale {
  let [d0, d1] = domain;
  if (!(d0 > 0)) d0 = d1 > 0 ? d1 / 10 : 1;
  if (!(d1 > d0)) d1 = d0 * 10;
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const f = ((v: number) => range[0] + ((Math.log10(Math.max(v, d0)) - l0) / (l1 - l0)) * (range[1] - range[0])) as Scale;
  return Object.assign(f, { kind: 'log' as const, domain: [d0, d1] as [number, number], range });
}

/** Round numbers for a linear axis: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** 1, 2, 5 × 10^k within [min, max] (only powers of ten when the range spans many decades). */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return min > 0 ? [min] : [];
  const decades = Math.log10(max / min);
  const mults = decades > 5 ? [1] : decades > 3 ? [1, 3] : [1, 2, 5];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of mults) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** Compact number for an axis label: 0.05, 1.5, 20, 1.2k, 3M. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e4) return `${trim(v / 1e3)}k`;
  if (a >= 1) return trim(v);
  return Number(v.toPrecision(2)).toString();
}

const trim = (v: number) => Number(v.toFixed(Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)).toString();

/** Text for SVG/HTML content and attributes. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A coordinate, to 0.1 px. */
export const px = (v: number): string => (Number.isFinite(v) ? (Math.round(v * 10) / 10).toString() : '0');

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

export const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

export interface Box {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_BOX: Box = { width: 700, height: 300, margin: { top: 34, right: 20, bottom: 46, left: 64 } };

/** The plotting area of a box: [x0, x1] and [y0 (bottom), y1 (top)] in pixels. */
export function plotArea(box: Box): { x: [number, number]; y: [number, number] } {
  return { x: [box.margin.left, box.width - box.margin.right], y: [box.height - box.margin.bottom, box.margin.top] };
}

/** The opening of a chart: `<svg>`, its accessible title and the visible one (at `titleX`, default the plot's left edge). */
export function svgOpen(box: Box, title: string, kind: string, titleX = box.margin.left): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" role="img" aria-label="${esc(title)}" ` +
    `viewBox="0 0 ${box.width} ${box.height}" width="${box.width}" height="${box.height}" font-family="system-ui, sans-serif" font-size="11">` +
    `<title>${esc(title)}</title>` +
    `<text class="chart-title" x="${titleX}" y="16" font-size="13" font-weight="600" fill="#222">${esc(title)}</text>`
  );
}

/** A chart's markup: what {@link svgOpen} began and the chart drew, then its legend and the end of the svg element. */
export const finishChart = (out: readonly string[], legend: string): string => [...out, legend, '</svg>'].join('');

/** Grid lines, tick labels and axis titles. */
export function axes(box: Box, x: Scale, y: Scale, xTicks: readonly Tick[], yTicks: readonly Tick[], xLabel: string, yLabel: string): string {
  const a = plotArea(box);
  const parts: string[] = [`<g class="axes" stroke="#ccc" stroke-width="1">`];
  for (const t of yTicks) {
    const py = px(y(t.value));
    parts.push(`<line x1="${px(a.x[0])}" x2="${px(a.x[1])}" y1="${py}" y2="${py}"/>`);
  }
  for (const t of xTicks) {
    const pxv = px(x(t.value));
    parts.push(`<line x1="${pxv}" x2="${pxv}" y1="${px(a.y[0])}" y2="${px(a.y[1])}" stroke-dasharray="2 3"/>`);
  }
  parts.push(`<rect x="${px(a.x[0])}" y="${px(a.y[1])}" width="${px(a.x[1] - a.x[0])}" height="${px(a.y[0] - a.y[1])}" fill="none" stroke="#999"/>`);
  parts.push('</g><g class="tick-labels" fill="#444">');
  for (const t of yTicks) parts.push(`<text x="${px(a.x[0] - 6)}" y="${px(y(t.value) + 4)}" text-anchor="end">${esc(t.label)}</text>`);
  for (const t of xTicks) parts.push(`<text x="${px(x(t.value))}" y="${px(a.y[0] + 16)}" text-anchor="middle">${esc(t.label)}</text>`);
  parts.push('</g>');
  parts.push(`<text class="axis-label" x="${px((a.x[0] + a.x[1]) / 2)}" y="${px(box.height - 8)}" text-anchor="middle" fill="#222">${esc(xLabel)}</text>`);
  parts.push(
    `<text class="axis-label" transform="translate(14 ${px((a.y[0] + a.y[1]) / 2)}) rotate(-90)" text-anchor="middle" fill="#222">${esc(yLabel)}</text>`,
  );
  return parts.join('');
}

export interface LegendItem {
  label: string;
  colour: string;
  dash?: string;
  /** Marker instead of a line. */
  marker?: boolean;
}

/** Approximate width of `text` at the charts' 11 px font. */
export const textWidth = (text: string, fontSize = 11): number => text.length * fontSize * 0.58;

/**
 * A legend under the title, wrapping onto as many rows as it needs; returns the box grown by
 * those rows (the plotting area keeps its size).
 */
export function layoutLegend(box: Box, items: readonly LegendItem[], left = box.margin.left): { box: Box; svg: string } {
  if (items.length === 0) return { box, svg: '' };
  const right = box.width - box.margin.right;
  const parts: string[] = ['<g class="legend" font-size="11">'];
  let x = left;
  let row = 0;
  for (const it of items) {
    const w = Math.min(right - left, textWidth(it.label) + 34);
    if (x > left && x + w > right) {
      row++;
      x = left;
    }
    const y = 30 + row * 16;
    const sym = it.marker
      ? `<circle cx="${px(x + 9)}" cy="${px(y - 4)}" r="3.5" fill="${it.colour}"/>`
      : `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y - 4)}" y2="${px(y - 4)}" stroke="${it.colour}" stroke-width="2.5"${it.dash ? ` stroke-dasharray="${it.dash}"` : ''}/>`;
    parts.push(`${sym}<text x="${px(x + 23)}" y="${px(y)}" fill="#222">${esc(it.label)}</text>`);
    x += w;
  }
  parts.push('</g>');
  const grow = 30 + row * 16 + 10 - box.margin.top;
  const grown: Box = grow > 0 ? { width: box.width, height: box.height + grow, margin: { ...box.margin, top: box.margin.top + grow } } : box;
  return { box: grown, svg: parts.join('') };
}

/** An SVG path through the points (M … L …); gaps where a point is null. */
export function linePath(points: readonly ([number, number] | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(p[0])} ${px(p[1])}`;
    pen = true;
  }
  return d;
}

/** A chart with nothing to draw: the frame and a message. */
export function emptyChart(title: string, message: string, box: Box = DEFAULT_BOX, kind = 'empty'): string {
  const a = plotArea(box);
  return (
    svgOpen(box, title, kind) +
    `<rect x="${px(a.x[0])}" y="${px(a.y[1])}" width="${px(a.x[1] - a.x[0])}" height="${px(a.y[0] - a.y[1])}" fill="#fafafa" stroke="#ccc"/>` +
    `<text x="${px((a.x[0] + a.x[1]) / 2)}" y="${px((a.y[0] + a.y[1]) / 2)}" text-anchor="middle" fill="#666">${esc(message)}</text></svg>`
  );
}
