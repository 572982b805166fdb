/**
 * Soak: mixed open-model load (Encrypt, Decrypt, GenerateDataKey, DescribeKey, ListAliases and
 * idempotent writes: TagResource, UpdateKeyDescription) against `kmsbench serve --workers 2`
 * for N minutes, in back-to-back segments; after each segment the server's RSS and open
 * descriptors (all processes of its group) are sampled with the segment's throughput and p99.
 *
 * Verdict: after warm-up (the first 20 % of the run, at least one segment, and up to two minutes
 * while a third of the run or more remains), the least-squares
 * slope of RSS over time must stay under {@link RSS_SLOPE_LIMIT_MIB_PER_MIN} MiB/min, and open
 * descriptors must not keep rising (slope under {@link FD_SLOPE_LIMIT_PER_MIN}/min).
 *
 * Writes `soak.json` and `soak.html` (self-contained SVG charts, reports/charts) to `out`.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signJsonRequest } from '../../harness/client/sign.js';
import { summarize } from '../../harness/load/histogram.js';
import { runRawOpenModel, type RawTemplate } from '../../harness/load/open-loop.js';
import { timeChart } from '../../reports/charts/charts.js';
import { esc } from '../../reports/charts/core.js';
import { processGroupMembers, startServe, tempDir, type ServerProcess } from '../e2e/harness.js';
import { Kms, openFds, REGION, ROOT_CREDENTIALS, rssOf } from './support.js';

export const RSS_SLOPE_LIMIT_MIB_PER_MIN = 2;
export const FD_SLOPE_LIMIT_PER_MIN = 5;
/** How long a fresh server takes to reach its working set at the full profile's rate (see runSoak). */
export const WARMUP_SETTLED_SECONDS = 120;

export interface SoakOptions {
  minutes: number;
  /** Offered requests per second. */
  rate: number;
  /** Seconds per segment (one sample each). */
  segmentSeconds: number;
  out?: string;
  log?: (line: string) => void;
}

export interface SoakSample {
  atSeconds: number;
  requests: number;
  throughput: number;
  p99Ms: number;
  errors: number;
  rssMiB: number;
  fds: number;
}

export interface SoakResult {
  minutes: number;
  rate: number;
  samples: SoakSample[];
  warmupSeconds: number;
  rssSlopeMiBPerMin: number;
  fdSlopePerMin: number;
  requests: number;
  errors: number;
  pass: boolean;
  files?: { json: string; html: string };
}

/** Least-squares slope of y over x. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

async function group(server: ServerProcess): Promise<{ rssMiB: number; fds: number }> {
  let rss = 0;
  let fds = 0;
  for (const p of processGroupMembers(server.pid) ?? [server.pid]) {
    rss += (await rssOf(p)) ?? 0;
    fds += (await openFds(p)) ?? 0;
  }
  return { rssMiB: Math.round((rss / 1048576) * 10) / 10, fds };
}

/** One key, an alias and a ciphertext; the calls of the mix. */
async function setup(kms: Kms): Promise<Array<[string, object]>> {
  const keyId = (await kms.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', { Description: 'soak' })).KeyMetadata.KeyId;
  await kms.ok('CreateAlias', { AliasName: 'alias/soak', TargetKeyId: keyId });
  const blob = (await kms.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: keyId, Plaintext: Buffer.alloc(512, 1).toString('base64') })).CiphertextBlob;
  const calls: Array<[string, object]> = [
    ['Encrypt', { KeyId: keyId, Plaintext: Buffer.alloc(512, 2).toString('base64') }],
    ['Decrypt', { CiphertextBlob: blob }],
    ['GenerateDataKey', { KeyId: 'alias/soak', KeySpec: 'AES_256' }],
    ['DescribeKey', { KeyId: keyId }],
    ['ListAliases', { Limit: 10 }],
    ['TagResource', { KeyId: keyId, Tags: [{ TagKey: 'soak', TagValue: 'yes' }] }],
    ['UpdateKeyDescription', { KeyId: keyId, Description: 'soak' }],
  ];
  return calls;
}

/** The calls signed now (SigV4 signatures live 5 minutes: each segment signs afresh). */
function templates(url: string, calls: Array<[string, object]>): Promise<RawTemplate[]> {
  return Promise.all(
    calls.map(async ([op, body]) => {
      const text = JSON.stringify(body);
      const s = await signJsonRequest({ endpoint: url, region: REGION, credentials: ROOT_CREDENTIALS, target: `TrentService.${op}`, body: text });
      return { operation: op, headers: s.headers, body: text, target: `TrentService.${op}` };
    }),
  );
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const server = await startServe({ dataDir: join(tempDir('kmsbench-soak-'), 'data'), workers: 2, extraArgs: ['--no-quotas'] });
  const samples: SoakSample[] = [];
  const started = Date.now();
  const endAt = started + o.minutes * 60_000;
  try {
    const calls = await setup(new Kms(server.url));
    while (Date.now() < endAt) {
      const seconds = Math.max(1, Math.min(o.segmentSeconds, Math.round((endAt - Date.now()) / 1000)));
      const run = await runRawOpenModel({
        url: server.url,
        stages: [{ durationMs: seconds * 1000, rate: o.rate }],
        arrivals: 'poisson',
        seed: samples.length + 1,
        templates: await templates(server.url, calls),
        weights: [30, 30, 15, 10, 5, 5, 5],
        maxConnections: 128,
      });
      const g = await group(server);
      const c = run.total.counts;
      const sample: SoakSample = {
        atSeconds: Math.round((Date.now() - started) / 1000),
        requests: c.completed,
        throughput: Math.round(c.succeeded / seconds),
        p99Ms: Math.round(summarize(run.total.latency).p99 * 100) / 100,
        errors: c.errors + c.unfinished,
        ...g,
      };
      samples.push(sample);
      o.log?.(`soak ${sample.atSeconds}s: ${sample.throughput}/s, p99 ${sample.p99Ms} ms, RSS ${sample.rssMiB} MiB, ${sample.fds} fds, ${sample.errors} errors`);
    }
  } finally {
    await server.destroy();
  }
  const total = (Date.now() - started) / 1000;
  // Warm-up: a fresh server loads the code of each operation on its first call and V8 grows its
  // heap to the working set, a saw-tooth that at 400/s settles after about two minutes; a slope
  // taken before that reads growth towards the working set as a leak.
  const warmupSeconds = Math.max(samples[0]?.atSeconds ?? 0, total * 0.2, Math.min(WARMUP_SETTLED_SECONDS, total / 3));
  const warm = samples.filter((s) => s.atSeconds > warmupSeconds);
  const rssSlope = slope(warm.map((s) => [s.atSeconds / 60, s.rssMiB]));
  const fdSlope = slope(warm.map((s) => [s.atSeconds / 60, s.fds]));
  const res: SoakResult = {
    minutes: o.minutes,
    rate: o.rate,
    samples,
    warmupSeconds: Math.round(warmupSeconds),
    rssSlopeMiBPerMin: Math.round(rssSlope * 100) / 100,
    fdSlopePerMin: Math.round(fdSlope * 100) / 100,
    requests: samples.reduce((s, x) => s + x.requests, 0),
    errors: samples.reduce((s, x) => s + x.errors, 0),
    pass: warm.length >= 2 && rssSlope < RSS_SLOPE_LIMIT_MIB_PER_MIN && fdSlope < FD_SLOPE_LIMIT_PER_MIN,
  };
  if (o.out) res.files = writeSoakReport(o.out, res);
  return res;
}

export function writeSoakReport(out: string, r: SoakResult): { json: string; html: string } {
  mkdirSync(out, { recursive: true });
  const json = join(out, 'soak.json');
  const html = join(out, 'soak.html');
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  const line = (label: string, f: (s: SoakSample) => number) => ({ label, points: r.samples.map((s) => [s.atSeconds, f(s)] as const) });
  const warm = [{ at: r.warmupSeconds, label: 'end of warm-up' }];
  const charts = [
    timeChart('Throughput', { yLabel: 'requests/s', series: [line('succeeded/s', (s) => s.throughput)], markers: warm, unit: '/s' }),
    timeChart('Latency p99 per segment', { yLabel: 'ms', series: [line('p99', (s) => s.p99Ms)], markers: warm, unit: 'ms' }),
    timeChart('Server RSS (primary + workers)', { yLabel: 'MiB', series: [line('RSS', (s) => s.rssMiB)], markers: warm, unit: 'MiB' }),
    timeChart('Open descriptors (primary + workers)', { yLabel: 'fds', series: [line('fds', (s) => s.fds)], markers: warm }),
  ];
  const verdict = `${r.pass ? 'PASS' : 'FAIL'}: RSS slope after warm-up ${r.rssSlopeMiBPerMin} MiB/min (limit ${RSS_SLOPE_LIMIT_MIB_PER_MIN}), descriptors ${r.fdSlopePerMin}/min (limit ${FD_SLOPE_LIMIT_PER_MIN}); ${r.requests} requests, ${r.errors} errors`;
  writeFileSync(
    html,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kmsbench soak</title><style>body{font-family:sans-serif;margin:2em}svg{display:block;margin:1em 0}</style></head><body>` +
      `<h1>kmsbench soak: ${r.minutes} min at ${r.rate} req/s</h1><p>${esc(verdict)}</p>${charts.join('\n')}</body></html>\n`,
  );
  return { json, html };
}

/** `scripts/soak [--minutes N] [--rate R] [--out DIR]` */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : dflt;
  };
  const minutes = Number(arg('minutes', '10'));
  const rate = Number(arg('rate', '400'));
  if (!(minutes > 0 && minutes <= 24 * 60) || !(rate > 0 && rate <= 50_000)) {
    process.stderr.write('usage: scripts/soak [--minutes N (default 10)] [--rate R (default 400/s)] [--out DIR]\n');
    process.exit(2);
  }
  const out = arg('out', join('.kmsbench', 'reliability', 'soak'));
  const r = await runSoak({ minutes, rate, segmentSeconds: minutes >= 5 ? 15 : 5, out, log: (l) => console.log(l) });
  console.log(`soak: ${r.pass ? 'pass' : 'FAIL'}: RSS slope ${r.rssSlopeMiBPerMin} MiB/min after ${r.warmupSeconds} s warm-up, ${r.requests} requests, ${r.errors} errors; ${r.files?.html}`);
  process.exitCode = r.pass ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await main(process.argv.slice(2)).finally(async () => (await import('../e2e/harness.js')).removeTempDirs());
}
