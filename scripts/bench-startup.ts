/**
 * `npm run bench:startup`: how fast `kmsbench serve` starts and how much memory it holds idle,
 * side by side with a minimal `node:http` server (scripts/bench/minimal-kms-server.ts) started
 * the same way, in the same run, rounds alternating so machine noise hits all targets alike.
 *
 * For each start: the time from spawn to the `listening on` line, and to the first answered
 * request (a signed ListKeys for kmsbench, signed before the spawn on a port picked beforehand;
 * an Encrypt-shaped POST for the minimal server), then the RSS of every process of the server
 * (its process group) after it has been idle for `--idle-ms`. Also the CPU time the server's
 * processes spent until the first answer (/proc, 10 ms ticks): on a busy machine wall times
 * stretch with the queue for the cores, CPU time much less. Each server gets a fresh data
 * directory: a cold start, as a test container sees it.
 *
 * Targets (issue 15): first answer under 300 ms with `--workers 1` and under 600 ms with the
 * default workers; idle RSS under 60 MB for one process and under 150 MB for the default on two
 * cores. Medians are printed with the minimal server's figures and the ratio to them.
 *
 * Options: --rounds N (default 5) --idle-ms MS (default 1000) --workers N (default: cores)
 *          --compare BIN  also start another build's bin/kmsbench.js the same way (e.g. the
 *                         main branch checked out elsewhere), as a before/after in the same run
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signJsonRequest } from '../harness/client/sign.js';
import { groupCpuSeconds, groupRssBytes } from './bench/cpu.js';
import { startChildServer } from './bench/processes.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'idle-ms': { type: 'string', default: '1000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    compare: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const idleMs = Number(values['idle-ms']);
const here = new URL('.', import.meta.url).pathname;
const bin = join(here, '../../bin/kmsbench.js');

interface Target {
  name: string;
  args: (port: number, dataDir: string) => string[];
  firstRequest: (url: string) => Promise<{ headers: Record<string, string>; body: string }>;
}

const kmsbenchRequest = async (url: string) => {
  const signed = await signJsonRequest({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    target: 'TrentService.ListKeys',
    body: '{}',
  });
  return { headers: signed.headers, body: '{}' };
};

const kmsbenchTargets = (label: string, cli: string): Target[] => [
  {
    name: `${label} --workers 1`,
    args: (port, dir) => [cli, 'serve', '--port', String(port), '--data-dir', dir, '--workers', '1'],
    firstRequest: kmsbenchRequest,
  },
  {
    name: `${label} (${values.workers} workers)`,
    args: (port, dir) => [cli, 'serve', '--port', String(port), '--data-dir', dir, '--workers', values.workers],
    firstRequest: kmsbenchRequest,
  },
];

const TARGETS: Target[] = [
  {
    name: 'minimal node:http',
    args: (port) => [join(here, 'bench/minimal-kms-server.js'), String(port)],
    firstRequest: async () => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ KeyId: 'k', Plaintext: Buffer.from('hello').toString('base64') }),
    }),
  },
  ...kmsbenchTargets('kmsbench serve', bin),
  ...(values.compare ? kmsbenchTargets('compared serve', values.compare) : []),
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function send(url: string, req: { headers: Record<string, string>; body: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: 'POST', headers: req.headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

interface Sample {
  listenMs: number;
  firstAnswerMs: number;
  /** CPU (user + system) the server's processes spent until the first answer: what a busy machine barely moves. */
  cpuMs: number;
  rssMb: number;
  processes: number;
}

async function measure(target: Target): Promise<Sample> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const req = await target.firstRequest(url);
  const dir = mkdtempSync(join(tmpdir(), 'kmsbench-startup-'));
  const t0 = performance.now();
  const server = await startChildServer(process.execPath, target.args(port, dir));
  const listenMs = performance.now() - t0;
  try {
    const status = await send(url, req);
    const firstAnswerMs = performance.now() - t0;
    const cpuMs = (groupCpuSeconds(server.process.pid!) ?? NaN) * 1000;
    if (status !== 200) throw new Error(`${target.name}: first request answered ${status}`);
    await new Promise((r) => setTimeout(r, idleMs));
    const rss = groupRssBytes(server.process.pid!) ?? [];
    return { listenMs, firstAnswerMs, cpuMs, rssMb: rss.reduce((a, b) => a + b, 0) / 2 ** 20, processes: rss.length };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const samples = new Map<string, Sample[]>(TARGETS.map((t) => [t.name, []]));
for (let round = 0; round < rounds; round++) {
  for (const t of TARGETS) samples.get(t.name)!.push(await measure(t));
}

const base = samples.get(TARGETS[0]!.name)!;
const baseFirst = median(base.map((s) => s.firstAnswerMs));
const baseRss = median(base.map((s) => s.rssMb));
const baseCpu = median(base.map((s) => s.cpuMs));
console.log(`startup over ${rounds} rounds (medians; min–max), ${availableParallelism()} cores, cold data directory each start`);
console.log(`${'target'.padEnd(30)} procs  listening ms  first answer ms (× minimal)   CPU ms (× minimal)  idle RSS MB (× minimal)`);
for (const t of TARGETS) {
  const s = samples.get(t.name)!;
  const first = s.map((x) => x.firstAnswerMs);
  const rss = s.map((x) => x.rssMb);
  console.log(
    `${t.name.padEnd(30)} ${String(s[0]!.processes).padStart(5)}  ${median(s.map((x) => x.listenMs)).toFixed(0).padStart(12)}  ` +
      `${median(first).toFixed(0).padStart(6)} (${Math.min(...first).toFixed(0)}–${Math.max(...first).toFixed(0)}) ×${(median(first) / baseFirst).toFixed(2)}`.padEnd(30) +
      `   ${median(s.map((x) => x.cpuMs)).toFixed(0).padStart(6)} ×${(median(s.map((x) => x.cpuMs)) / baseCpu).toFixed(2)}`.padEnd(22) +
      `${median(rss).toFixed(1).padStart(6)} ×${(median(rss) / baseRss).toFixed(2)}`,
  );
}
