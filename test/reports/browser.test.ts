/// <reference lib="dom" />
/**
 * The report in a real browser: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core; .ci/run installs it) opens index.html from disk and we check that every chart
 * renders (laid out, and painted: pixels of colour on a canvas), that nothing is logged as an
 * error, and that no request leaves the file.
 *
 * Set KMSBENCH_REPORT_SCREENSHOT=FILE.png to keep a full-page screenshot. Skipped, saying so,
 * where Chromium is not installed (like the e2e tests without their tools).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineRun, reportDeltas } from '../../harness/gate/index.js';
import { writeFiles, type ResultFolder } from '../../harness/results/result-folder.js';
import { renderReport } from '../../reports/index.js';
import { conformanceResults, latencyLoad, referenceFolder, throttleLoad } from './fixtures.js';

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  for (const p of candidates) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const CHROMIUM = chromiumPath();
const WHY_SKIPPED = "no Chromium: install Debian's package (apt-get install -y chromium), as .ci/run does, or set CHROMIUM=/path/to/chromium";
if (!CHROMIUM) console.warn(`test/reports/browser.test.ts: skipped — ${WHY_SKIPPED}`);

describe.skipIf(!CHROMIUM)(`index.html in Chromium${CHROMIUM ? '' : ` — skipped: ${WHY_SKIPPED}`}`, () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let fileUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kmsbench-report-browser-'));
    const reference = referenceFolder(dir, { latency: latencyLoad({ seed: 9, seconds: 12, lateOperation: 'DescribeKey' }), throttle: throttleLoad({ quota: 500 }) });
    const emulator: ResultFolder = {
      label: 'emulator',
      source: 'emulator',
      conformance: [{ file: 'results.json', results: conformanceResults({ broken: true }) }],
      load: [
        { file: 'load.json', results: latencyLoad({ seed: 4, scale: 3, seconds: 12 }) },
        { file: 'load-throttle.json', results: throttleLoad({ quota: 300, seed: 3 }) },
      ],
      plans: [],
      diffs: [],
    };
    const baseline = { source: 'baseline.json', runs: [1, 2, 3, 4, 5].map((seed) => baselineRun(latencyLoad({ seed, seconds: 12 }), `b${seed}`)) };
    const paths = writeFiles(dir, renderReport({ generatedAt: new Date().toISOString(), toolVersion: 'test', targets: [reference, emulator], deltas: reportDeltas(baseline, [reference, emulator]) }));
    fileUrl = pathToFileURL(paths['index.html']).href;

    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    // Every request is recorded; anything but the file itself is refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url === fileUrl ? route.continue() : route.abort();
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(fileUrl, { waitUntil: 'load' });
    if (process.env.KMSBENCH_REPORT_SCREENSHOT) await page.screenshot({ path: process.env.KMSBENCH_REPORT_SCREENSHOT, fullPage: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with no console errors and no request other than the file itself', async () => {
    expect(await page.title()).toBe('kmsbench report: reference vs emulator');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });

  it('every chart is laid out with its series', async () => {
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const series = Array.from(svg.querySelectorAll('path.series'), (p) => (p as SVGPathElement).getTotalLength());
        const marks = Array.from(svg.querySelectorAll('circle, rect.bar, rect.band'), (e) => (e as SVGGraphicsElement).getBBox()).filter((b) => b.width > 0 && b.height > 0).length;
        return { kind: svg.getAttribute('class'), width: box.width, height: box.height, series, marks };
      }),
    );
    const kinds = charts.map((c) => c.kind!.replace('chart chart-', ''));
    // Per load run: spectrum, latency over time, rates (+ throttle curve); comparison: bars and curves; the deltas.
    expect(kinds.filter((k) => k === 'spectrum')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'time')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'throttle')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'bars')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'delta')).toHaveLength(2);
    expect(kinds).not.toContain('empty');
    for (const c of charts) {
      expect(c.width, c.kind!).toBeGreaterThan(300);
      expect(c.height, c.kind!).toBeGreaterThan(150);
      for (const len of c.series) expect(len, c.kind!).toBeGreaterThan(10);
      expect(c.series.length + c.marks, c.kind!).toBeGreaterThan(0);
    }
  });

  it('every chart paints: drawn onto a canvas, it has coloured pixels', async () => {
    const painted = await page.$$eval('svg.chart', async (svgs) => {
      const out: number[] = [];
      for (const svg of svgs) {
        const { width, height } = (svg as SVGSVGElement).viewBox.baseVal;
        const img = new Image();
        img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(new XMLSerializer().serializeToString(svg))))}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, width, height);
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, width, height).data;
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++; // saturated: a series, not grey axes or text
        }
        out.push(coloured);
      }
      return out;
    });
    expect(painted.length).toBeGreaterThanOrEqual(18);
    for (const n of painted) expect(n).toBeGreaterThan(200);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });

  it('shows the failure with expected vs actual and a documentation link', async () => {
    const failure = page.locator('details.case', { hasText: 'crypto.decrypt-disabled' });
    expect(await failure.getAttribute('open')).not.toBeNull();
    await expect(failure.locator('pre').first().textContent()).resolves.toContain('DisabledException');
    expect(await failure.locator('a').getAttribute('href')).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
});
