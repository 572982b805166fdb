import { describe, expect, it } from 'vitest';
import { baselineRun, reportDeltas } from '../harness/gate/index.js';
import { planLatency } from '../harness/plan/index.js';
import { formatters } from './template-formatters.js';
import { conformanceResults, fleetPlan, latencyLoad, referenceFolder, throttleLoad } from '../test/reports/fixtures.js';
import type { ResultFolder } from '../harness/results/result-folder.js';
import type { ReportInput } from './report-model.js';
import { mdCell, renderReport } from './render.js';

const plan = fleetPlan();
const ref = referenceFolder('reports/latest', { latency: latencyLoad({ lateOperation: 'DescribeKey' }), throttle: throttleLoad() });
const emu: ResultFolder = {
  label: 'emulator | "x"',
  source: 'emu',
  conformance: [{ file: 'results.json', results: conformanceResults({ broken: true }) }],
  load: [{ file: 'load.json', results: latencyLoad({ seed: 5, scale: 3 }) }],
  plans: [],
  diffs: [],
};
const input = (targets: ResultFolder[], extra: Partial<ReportInput> = {}): ReportInput => ({ generatedAt: '2026-11-25T12:00:00.000Z', toolVersion: '0.1.0', targets, ...extra });

describe('a capacity plan at a target’s measured latency', () => {
  it('shows each operation’s latency and the calls in flight at peak (html and markdown)', () => {
    const withLatency = { ...plan, latency: planLatency(plan, [{ operation: 'Decrypt', p50: 12.5, p99: 40 }], 'moto/load-latency/load.json') };
    const files = renderReport(input([{ ...emu, plans: [{ file: 'moto/plan/plan.json', plan: withLatency }] }]));
    const decrypt = withLatency.latency.rows.find((r) => r.operation === 'Decrypt')!;
    expect(files['index.html']).toContain("operation at this target's latency");
    expect(files['index.html']).toMatch(new RegExp(`<td class="l">Decrypt</td><td>[^<]+</td><td>12.5 ms</td><td>40 ms</td><td>${formatters.auto(decrypt.inFlightP50).replace(/[.]/g, '\\.')}</td>`));
    expect(files['index.html']).toContain('<code>moto/load-latency/load.json</code>');
    expect(files['index.html']).toContain('not measured'); // GenerateDataKey was not in the load run
    expect(files['report.md']).toContain(`At this target's measured latency, ${formatters.auto(withLatency.latency.totalInFlightP50)} calls are in flight at peak`);
  });
});

describe('index.html', () => {
  const html = renderReport(input([ref, emu], { deltas: reportDeltas({ source: 'baseline.json', runs: [1, 2].map((s) => baselineRun(latencyLoad({ seed: s }), 'b')) }, [ref, emu]) }))['index.html'];

  it('is self-contained: no script, no external resource, a CSP that forbids fetching', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(/i);
    // The only URLs are links to documentation (followed only when clicked) and SVG namespaces.
    for (const [, attr, url] of html.matchAll(/\b(src|href|xlink:href)="([^"#][^"]*)"/g)) {
      expect(attr).toBe('href');
      expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('has every section: overview, comparison, metadata, conformance matrix, failures, load charts, deltas, plans', () => {
    for (const text of [
      'id="overview"',
      'id="comparison"',
      'Conformance verdicts per case',
      'Latency percentiles per target',
      '2 × Test CPU',
      'symmetric 500/s (embedded)',
      'class="tags"',
      'DisabledException',
      'Generator saturation: 1 of 3 phases',
      'chart-spectrum',
      'chart-time',
      'chart-throttle',
      'chart-delta',
      'chart-bars',
      'Against the baseline',
      'Capacity plan: microservice-fleet-envelope-caching',
      'required: ≥ 60,000/s',
    ]) {
      expect(html, text).toContain(text);
    }
  });

  it('escapes what it did not write: case ids, labels', () => {
    expect(html).not.toContain('create-alias <b>');
    expect(html).toContain('create-alias &lt;b&gt;');
    expect(html).toContain('emulator | &#34;x&#34;');
  });

  it('formats numbers, never prints NaN or undefined', () => {
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object Object\]/);
  });
});

describe('report.md', () => {
  const md = renderReport(input([ref, emu]))['report.md'];

  it('a summary table per target and the cases that differ, for a PR comment', () => {
    expect(md).toMatch(/^## kmsbench report: reference vs emulator/);
    expect(md).toContain('| reference | 6 | 5 | 0 | 0 | 0 | 0 | 1 | 0 | 2 |');
    expect(md).toContain('emulator \\| "x"');
    expect(md).toContain('❌ failing');
    expect(md).toContain('[`crypto.decrypt-disabled`](https://docs.aws.amazon.com/kms/latest/APIReference/crypto.decrypt-disabled.html) | pass | fail ✗ |');
    expect(md).toContain('### reference: load throttle-curve');
    expect(md).not.toMatch(/NaN|undefined|\n{3}/);
    expect(md.length).toBeLessThan(65_536); // a GitHub comment's limit
  });

  it('splits failures on inferred behaviour from the headline; names blocked and unsupported outcomes', () => {
    const emulator = (o: Parameters<typeof conformanceResults>[0]): ResultFolder => ({ label: 'emulator', source: 'e', conformance: [{ file: 'r.json', results: conformanceResults(o) }], load: [], plans: [], diffs: [] });
    const inferred = renderReport(input([emulator({ broken: true, inferred: true, cascade: true })]));
    expect(inferred['report.md']).toContain('| emulator | 8 | 3 | 1 (+1 inferred) | 1 | 1 | 0 | 1 | 1 |');
    expect(inferred['report.md']).toContain('⚠️ attention');
    expect(inferred['report.md']).toContain('- ❌ **fail** [`crypto.decrypt-disabled`](https://docs.aws.amazon.com/kms/latest/APIReference/crypto.decrypt-disabled.html) (inferred)');
    const html = inferred['index.html'];
    expect(html).toContain('<strong>0 differences on recorded or documented AWS behaviour</strong>; 1 more on inferred behaviour');
    expect(html).toContain('evidence: <strong>inferred</strong> — reasoned from the key-state table (verified 2026-12-07)');
    expect(html).toContain('blocked at: CreateKey Origin=EXTERNAL gives a PendingImport key — the subject of key-state.pending-import-describe-key');
    expect(html).toContain('1 unsupported by the endpoint</summary><ul>\n<li>the endpoint does not implement RotateKeyOnDemand (probe: HTTP 501): <code>rotation.on-demand</code>');
    expect(html).toContain('Judged as AWS behaves as of 2026-12-07 (--aws-as-of).');
    const documented = renderReport(input([emulator({ broken: true, cascade: true })]));
    expect(documented['report.md']).toContain('| emulator | 8 | 3 | 2 | 1 | 1 | 0 | 1 | 1 |');
    expect(documented['report.md']).toContain('❌ failing');
  });

  it('table cells are one line without pipes or HTML', () => {
    expect(mdCell('a|b\n<c>')).toBe('a\\|b &lt;c&gt;');
  });
});

describe('junit.xml', () => {
  const xml = renderReport(input([ref, emu]))['junit.xml'];

  it('conformance suites per target (the conformance writer’s own mapping), load suites, totals that add up', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toContain('<testsuite name="reference.conformance.crypto"');
    expect(xml).toContain('<testsuite name="emulator_x_.conformance.crypto"');
    expect(xml).toContain('<testsuite name="reference.load.latency" tests="3"');
    const suites = [...xml.matchAll(/<testsuite [^>]*tests="(\d+)" failures="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const [, tests, failures] = /<testsuites [^>]*tests="(\d+)" failures="(\d+)"/.exec(xml)!.map(Number);
    expect(tests).toBe(suites.reduce((n, s) => n + s[0]!, 0));
    expect(failures).toBe(suites.reduce((n, s) => n + s[1]!, 0));
    expect(failures).toBe(1); // the emulator's unexpected failure; its known one is <skipped>
    expect(xml.split('<testcase ').length - 1).toBe(tests);
  });

  it('a regression against the baseline is a failing test case', () => {
    const base = [1, 2, 3, 4, 5].map((seed) => baselineRun(latencyLoad({ seed, seconds: 12 }), 'b'));
    const slow: ResultFolder = { ...ref, conformance: [], plans: [], load: [1, 2, 3].map((s) => ({ file: 'x', results: latencyLoad({ seed: 20 + s, scale: 2, seconds: 12 }) })) };
    const x = renderReport(input([slow], { deltas: reportDeltas({ source: 'b.json', runs: base }, [slow]) }))['junit.xml'];
    expect(x).toMatch(/<testsuite name="baseline" tests="\d+" failures="3"/);
    expect(x).toContain('type="regression"');
  });
});
