/**
 * `npm run bench:quota`: accuracy and cost of the reference server's quota model.
 *
 * 1. Accuracy: drives Encrypt open-loop at 0.5×, 1×, 2× and 3× a configured symmetric quota
 *    (`--quota symmetric=RATE`, default 1000/s) for `--duration` seconds each, against a server
 *    with one worker per core, and prints offered, admitted and throttled rates per step. The
 *    steady admitted rate leaves out each step's first second (the bucket starts with one second
 *    of burst). Target: admitted within ±2 % of the quota at 2× and 3×, nothing throttled at 0.5×.
 * 2. Cost: closed-loop Encrypt throughput with quotas on (us-east-1 defaults, which this machine
 *    cannot reach) and with `--no-quotas`, alternating, same client. Target: < 2 % difference.
 *
 * Options: --rate N (default 1000) --duration SECONDS (default 6) --workers N (default: cores)
 *          --cost-duration SECONDS (default 5) --cost-rounds N (default 2)
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { call } from '../harness/client/raw-client.js';
import { signJsonRequest } from '../harness/client/sign.js';
import { runClosedLoop } from '../harness/load/closed-loop.js';
import { runOpenLoop } from '../harness/load/open-loop.js';
import { startChildServer, type ChildServer } from './bench/processes.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '6' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'cost-duration': { type: 'string', default: '5' },
    'cost-rounds': { type: 'string', default: '2' },
  },
});
const quota = Number(values.rate);
const duration = Number(values.duration);
const here = new URL('.', import.meta.url).pathname;
const cli = join(here, '../../bin/kmsbench.js');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const region = 'us-east-1';

async function serve(dataDir: string, extra: string[]): Promise<ChildServer> {
  return startChildServer(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir, '--workers', values.workers!, ...extra]);
}

async function encryptRequest(url: string) {
  const created = await call({ endpoint: url, region, credentials, target: 'TrentService.CreateKey', body: {} });
  if (created.status !== 200) throw new Error(`CreateKey failed: ${created.text}`);
  const keyId = (created.json as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
  const body = JSON.stringify({ KeyId: keyId, Plaintext: Buffer.alloc(1024, 7).toString('base64') });
  const signed = await signJsonRequest({ endpoint: url, region, credentials, target: 'TrentService.Encrypt', body });
  return { headers: signed.headers, body };
}

async function accuracy(dir: string): Promise<void> {
  const server = await serve(join(dir, 'accuracy'), ['--quota', `symmetric=${quota}`]);
  try {
    console.log(`accuracy: symmetric quota ${quota}/s, ${values.workers} workers, ${duration} s per step, open loop (constant arrivals)`);
    console.log('factor  offered/s  admitted/s  throttled/s  steady admitted/s  steady/quota  errors  p99 ms  saturated');
    for (const factor of [0.5, 1, 2, 3]) {
      // Let the bucket refill between steps so each starts from the same state.
      await new Promise((r) => setTimeout(r, 1100));
      const req = await encryptRequest(server.url);
      const r = await runOpenLoop({ url: server.url, rate: quota * factor, durationMs: duration * 1000, ...req });
      const secs = r.durationMs / 1000;
      const steady = r.perSecond.slice(1, duration);
      const steadyAdmitted = steady.reduce((n, s) => n + s.ok, 0) / Math.max(1, steady.length);
      console.log(
        `${String(factor).padEnd(6)}  ${(r.offered / secs).toFixed(0).padStart(9)}  ${(r.ok / secs).toFixed(0).padStart(10)}  ${(r.throttled / secs).toFixed(0).padStart(11)}  ${steadyAdmitted.toFixed(0).padStart(17)}  ${(steadyAdmitted / quota).toFixed(3).padStart(12)}  ${String(r.errors).padStart(6)}  ${r.latencyMs.p99.toFixed(2).padStart(6)}  ${r.saturated ? 'YES' : 'no'}`,
      );
    }
  } finally {
    await server.stop();
  }
}

async function cost(dir: string): Promise<void> {
  const withQuotas = await serve(join(dir, 'on'), []);
  const withoutQuotas = await serve(join(dir, 'off'), ['--no-quotas']);
  try {
    const seconds = Number(values['cost-duration']);
    console.log(`\ncost: closed-loop Encrypt 1 KiB, 64 connections, ${seconds} s per run, alternating`);
    const rps: Record<string, number[]> = { on: [], off: [] };
    for (let round = 0; round < Number(values['cost-rounds']); round++) {
      for (const [name, server] of [['off', withoutQuotas], ['on', withQuotas]] as const) {
        const req = await encryptRequest(server.url);
        const r = await runClosedLoop({ url: server.url, connections: 64, durationMs: seconds * 1000, requests: [req] });
        rps[name]!.push(r.rps);
        console.log(`  quotas ${name.padEnd(3)} round ${round + 1}: ${r.rps.toFixed(0)} req/s (non-2xx: ${Object.entries(r.statuses).filter(([s]) => s !== '200').reduce((n, [, c]) => n + c, 0)})`);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mean(rps.on!) / mean(rps.off!);
    console.log(`quotas on / off = ${ratio.toFixed(3)} (limiter cost ${((1 - ratio) * 100).toFixed(1)} %; target < 2 %)`);
  } finally {
    await Promise.all([withQuotas.stop(), withoutQuotas.stop()]);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kmsbench-bench-quota-'));
try {
  await accuracy(dir);
  await cost(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
