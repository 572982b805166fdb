/**
 * `npm run bench:server`: throughput of the reference server's signed Encrypt (1 KiB) against a
 * minimal single-process node:http server that does the same JSON + base64 + AES-256-GCM work,
 * measured by the same closed-loop client (harness/load/closed-loop.ts, the one `kmsbench load
 * --mode saturate` uses; 64 keep-alive connections) in one run, alternating
 * the two targets so machine noise hits both alike. Besides throughput it prints each server's
 * CPU time per request (from /proc), a figure that machine noise barely moves.
 *
 * Target (issue 3): reference / minimal >= 1.3 with SigV4, store and audit log on.
 *
 * Options: --duration SECONDS (default 8) --rounds N (default 2) --connections N (default 64)
 *          --workers N (reference server workers, default: cores)
 *          --server-arg ARG (repeatable, forwarded to `kmsbench serve`)
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { signJsonRequest } from '../harness/client/sign.js';
import { runClosedLoop } from '../harness/load/closed-loop.js';
import { groupCpuSeconds } from './bench/cpu.js';
import { startChildServer, type ChildServer } from './bench/processes.js';

// The pinned SDK's notice that its 2027 releases need Node 22 is noise in benchmark output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'server-arg': { type: 'string', multiple: true, default: [] },
  },
});
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const here = new URL('.', import.meta.url).pathname;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

interface Sample {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Server CPU microseconds per completed request. */
  serverCpuUs?: number;
  clientCpuUs: number;
}

async function drive(url: string, request: { headers: Record<string, string>; body: string }) {
  const r = await runClosedLoop({ url, connections, durationMs: duration * 1000, requests: [request] });
  const non2xx = Object.entries(r.statuses).reduce((n, [status, count]) => (status.startsWith('2') ? n : n + count), 0);
  return { requests: r.requests, rps: r.rps, p50: r.latencyMs.p50, p99: r.latencyMs.p99, errors: r.errors, non2xx };
}

async function measure(target: string, server: ChildServer, request: { headers: Record<string, string>; body: string }): Promise<Sample> {
  const cpu0 = groupCpuSeconds(server.process.pid!);
  const client0 = process.cpuUsage();
  const r = await drive(server.url, request);
  const clientCpu = process.cpuUsage(client0);
  const cpu1 = groupCpuSeconds(server.process.pid!);
  return {
    target,
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    serverCpuUs: cpu0 !== undefined && cpu1 !== undefined ? ((cpu1 - cpu0) * 1e6) / r.requests : undefined,
    clientCpuUs: (clientCpu.user + clientCpu.system) / r.requests,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-bench-'));
  const servers: ChildServer[] = [];
  try {
    const minimal = await startChildServer(process.execPath, [join(here, 'bench/minimal-kms-server.js')]);
    servers.push(minimal);
    const reference = await startChildServer(process.execPath, [
      join(here, '../../bin/kmsbench.js'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--workers',
      values.workers!,
      ...values['server-arg']!,
    ]);
    servers.push(reference);
    const kms = new KMSClient({ endpoint: reference.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const key = await kms.send(new CreateKeyCommand({ Description: 'bench-server' }));
    kms.destroy();
    const body = JSON.stringify({ KeyId: key.KeyMetadata!.KeyId, Plaintext: Buffer.alloc(1024, 7).toString('base64') });
    const signed = async (url: string) => {
      const s = await signJsonRequest({ endpoint: url, region: 'us-east-1', credentials, target: 'TrentService.Encrypt', body });
      return { headers: s.headers, body };
    };
    console.log(
      `bench-server: Encrypt 1 KiB, closed-loop client, ${connections} keep-alive connections, closed loop, ${duration} s per run, ${rounds} rounds; ` +
        `${cpus().length} cores (${cpus()[0]?.model.trim()}); reference workers: ${values.workers}`,
    );
    const samples: Sample[] = [];
    for (let r = 0; r < rounds; r++) {
      // Re-sign each round so the signature stays well inside the 5-minute window.
      samples.push(await measure('minimal', minimal, await signed(minimal.url)));
      samples.push(await measure('reference', reference, await signed(reference.url)));
    }
    console.log('\ntarget      round   req/s     p50 ms  p99 ms  errors  non-2xx  server CPU us/req  client CPU us/req');
    samples.forEach((s, i) =>
      console.log(
        `${s.target.padEnd(10)}  ${String(Math.floor(i / 2) + 1).padEnd(6)}  ${s.rps.toFixed(0).padStart(7)}  ${s.p50.toFixed(2).padStart(6)}  ${s.p99.toFixed(2).padStart(6)}  ${String(s.errors).padStart(6)}  ${String(s.non2xx).padStart(7)}  ${(s.serverCpuUs?.toFixed(1) ?? 'n/a').padStart(17)}  ${s.clientCpuUs.toFixed(1).padStart(17)}`,
      ),
    );
    const mean = (t: string) => {
      const xs = samples.filter((s) => s.target === t).map((s) => s.rps);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const ratio = mean('reference') / mean('minimal');
    console.log(`\nminimal   mean ${mean('minimal').toFixed(0)} req/s`);
    console.log(`reference mean ${mean('reference').toFixed(0)} req/s`);
    console.log(`ratio reference/minimal = ${ratio.toFixed(2)} (target >= 1.30)`);
    if (samples.some((s) => s.errors > 0 || s.non2xx > 0)) console.log('WARNING: some requests failed; figures are not valid');
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
