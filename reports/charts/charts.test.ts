import { describe, expect, it } from 'vitest';
import { barChart, deltaChart, nines, spectrumChart, throttleChart, timeChart } from './charts.js';
import { esc, linearScale, linearTicks, linePath, logScale, logTicks, shortNumber } from './core.js';

/** Tags balance (a small well-formedness check: the report embeds these as they are). */
export function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  // Text never carries a raw '<' or '&' that is not an entity.
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/&(?![a-z]+;|#\d+;)/);
}

/** Every number in path data, circle centres and rect positions lies inside the viewBox. */
function assertInside(svg: string): void {
  const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map(Number) as [number, number, number];
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) {
    const nums = d!.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (let i = 0; i < nums.length; i += 2) {
      expect(nums[i]).toBeGreaterThanOrEqual(0);
      expect(nums[i]).toBeLessThanOrEqual(w);
      expect(nums[i + 1]).toBeGreaterThanOrEqual(0);
      expect(nums[i + 1]).toBeLessThanOrEqual(h);
    }
  }
  for (const [, cx, cy] of svg.matchAll(/cx="([^"]+)" cy="([^"]+)"/g)) {
    expect(Number(cx)).toBeGreaterThanOrEqual(0);
    expect(Number(cx)).toBeLessThanOrEqual(w);
    expect(Number(cy)).toBeGreaterThanOrEqual(0);
    expect(Number(cy)).toBeLessThanOrEqual(h);
  }
}

const count = (svg: string, re: RegExp) => [...svg.matchAll(re)].length;

const spectrum = (scale: number) =>
  [0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 99.609375, 100].map((percentile, i) => ({ percentile, ms: scale * (0.3 + i * i * 0.2) }));

describe('scales and ticks', () => {
  it('linear and log scales map their domains onto their ranges', () => {
    const l = linearScale([0, 10], [100, 200]);
    expect([l(0), l(5), l(10)]).toEqual([100, 150, 200]);
    const g = logScale([1, 1000], [0, 300]);
    expect([g(1), g(10), g(100), g(1000)].map((v) => Math.round(v))).toEqual([0, 100, 200, 300]);
    expect(g(0)).toBe(0); // non-positive values sit at the low end, never NaN
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5); // an empty domain is widened
  });

  it('ticks are round numbers', () => {
    expect(linearTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks(0, 3.2, 4)).toEqual([0, 1, 2, 3]);
    expect(logTicks(0.5, 60)).toEqual([0.5, 1, 2, 5, 10, 20, 50]);
    expect(logTicks(0.01, 1e6)).toEqual([0.01, 0.1, 1, 10, 100, 1000, 10000, 100000, 1000000]);
    expect(shortNumber(1500)).toBe('1500');
    expect(shortNumber(25000)).toBe('25k');
    expect(shortNumber(0.0042)).toBe('0.0042');
  });

  it('paths break at missing points; text is escaped', () => {
    expect(linePath([[1, 2], null, [3, 4], [5, 6]])).toBe('M1 2M3 4L5 6');
    expect(esc('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });
});

describe('charts', () => {
  it('spectrum: one path and one marker per point per series, both axes log', () => {
    const svg = spectrumChart('Latency <spectrum>', [
      { label: 'Encrypt', spectrum: spectrum(1) },
      { label: 'Decrypt & co', spectrum: spectrum(3) },
    ]);
    assertWellFormed(svg);
    assertInside(svg);
    expect(count(svg, /<path class="series"/g)).toBe(2);
    expect(count(svg, /<circle /g)).toBe(20);
    expect(svg).toContain('Latency &lt;spectrum&gt;');
    expect(svg).toContain('Decrypt &amp; co');
    expect(svg).toContain('>99 %<');
    expect(nines(99.9)).toBeCloseTo(3, 10);
  });

  it('time: segments and lines, markers, log axis skips non-positive values', () => {
    const svg = timeChart('rates', {
      yLabel: 'requests/s',
      series: [
        { label: 'offered', points: [[0.5, 100], [1.5, 200], [2.5, null], [3.5, 0]] },
        { label: 'throttled', points: [[0.5, 0], [1.5, 50]], dash: '4 2' },
      ],
      segments: [{ label: 'p99', segments: [{ from: 0, to: 2, value: 30 }, { from: 2, to: 4, value: 60 }] }],
      markers: [{ at: 2, label: '2x' }],
    });
    assertWellFormed(svg);
    assertInside(svg);
    expect(count(svg, /<path class="series"/g)).toBe(3);
    expect(count(svg, /class="marker"/g)).toBe(1);
    const log = timeChart('p99', { yLabel: 'ms', yLog: true, series: [{ label: 'p99', points: [[0, 0], [1, 5], [2, 50]] }] });
    assertInside(log);
    expect(count(log, /<circle /g)).toBe(2);
  });

  it('throttle curve: ideal limiter, admitted and throttled per series; different quotas are normalised', () => {
    const steps = [0.5, 1, 2, 3].map((f) => ({ factor: f, offered: 1000 * f, admitted: Math.min(1000 * f, 1000), throttled: Math.max(0, 1000 * f - 1000) }));
    const one = throttleChart('curve', [{ label: 'reference', quota: 1000, steps }]);
    assertWellFormed(one);
    assertInside(one);
    expect(count(one, /class="series admitted"/g)).toBe(1);
    expect(count(one, /class="series throttled"/g)).toBe(1);
    expect(one).toContain('quota 1000/s');
    const two = throttleChart('curve', [
      { label: 'a', quota: 1000, steps },
      { label: 'b', quota: 500, steps: steps.map((s) => ({ ...s, offered: s.offered / 2, admitted: s.admitted / 2, throttled: s.throttled / 2 })) },
    ]);
    assertInside(two);
    expect(two).toContain('× quota');
    expect(count(two, /class="series admitted"/g)).toBe(2);
  });

  it('deltas: a band and an estimate per row, right is worse for both directions', () => {
    const svg = deltaChart('deltas', [
      { label: 'p99', change: 0.2, band: [0.1, 0.3], tolerance: 0.1, better: 'lower', verdict: 'regression' },
      { label: 'throughput', change: -0.2, band: [-0.3, -0.1], tolerance: 0.05, better: 'higher', verdict: 'regression' },
      { label: 'one run', change: 0.5, band: null, tolerance: 0.1, better: 'lower', verdict: 'insufficient' },
      { label: 'huge', change: 40, band: [30, 50], tolerance: 0.1, better: 'lower', verdict: 'regression' },
    ]);
    assertWellFormed(svg);
    assertInside(svg);
    expect(count(svg, /class="band"/g)).toBe(3);
    const cx = [...svg.matchAll(/class="estimate" cx="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(cx[0]).toBeCloseTo(cx[1]!, 0); // +20 % latency and −20 % throughput are equally worse
  });

  it('bars: one bar per value, missing values skipped', () => {
    const svg = barChart('p99 by target', ['Encrypt', 'Decrypt'], [
      { label: 'reference', values: [1.2, 1.4] },
      { label: 'moto', values: [3.5, null] },
    ], { xLabel: 'p99, ms', unit: 'ms' });
    assertWellFormed(svg);
    assertInside(svg);
    expect(count(svg, /class="bar"/g)).toBe(3);
  });

  it('empty inputs render a labelled empty chart, not a broken one', () => {
    for (const svg of [spectrumChart('s', []), timeChart('t', { yLabel: 'y' }), throttleChart('c', []), deltaChart('d', []), barChart('b', [], [], { xLabel: 'x' })]) {
      assertWellFormed(svg);
      assertInside(svg);
      expect(svg).toMatch(/^<svg [^>]*class="chart /);
    }
  });
});
