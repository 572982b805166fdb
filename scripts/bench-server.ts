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
 * `--policy` (issue 12) instead measures the cost of key policies: Encrypt (1 KiB, an encryption
 * context) signed by a session of the key users' role, on two keys of the same reference server in
 * the same run, alternating — one under the default key policy (the role's identity policy
 * decides through the delegation to IAM), one under the typical three-statement policy with an
 * encryption-context condition (reference-impl/authz/typical-policy.ts). Budget: within 5 %.
 * `--ops Encrypt,Sign,GenerateMac` also drives the reference server with Sign (ECDSA_SHA_256 over
 * 1 KiB, an ECC_NIST_P256 key) and GenerateMac (HMAC_SHA_256 over 1 KiB, an HMAC_256 key): same
 * client, same rounds, interleaved with Encrypt, each printed as a ratio to the reference
 * server's Encrypt of the same run (the minimal server does Encrypt only). The ECC quota
 * (1,000/s, AWS's default) is raised for the run so the figure is the server's, not the quota's.
 *
 * Options: --duration SECONDS (default 8) --rounds N (default 2) --connections N (default 64)
 *          --ops LIST (default Encrypt; Encrypt always runs)
 *          --workers N (reference server workers, default: cores)
 *          --server-arg ARG (repeatable, forwarded to `kmsbench serve`) --policy
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { signJsonRequest } from '../harness/client/sign.js';
import { runClosedLoop } from '../harness/load/closed-loop.js';
import { groupCpuSeconds } from './bench/cpu.js';
import { startChildServer, type ChildServer } from './bench/processes.js';
import { TYPICAL_APP_IDENTITY_POLICY, TYPICAL_POLICY_TENANT, typicalKeyPolicy } from '../reference-impl/authz/typical-policy.js';

// The pinned SDK's notice that its 2027 releases need Node 22 is noise in benchmark output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'server-arg': { type: 'string', multiple: true, default: [] },
    policy: { type: 'boolean', default: false },
    ops: { type: 'string', default: 'Encrypt' },
  },
});
const OPS = ['Encrypt', 'Sign', 'GenerateMac'] as const;
type BenchOp = (typeof OPS)[number];
const ops = values.ops!.split(',').map((o) => o.trim()) as BenchOp[];
for (const op of ops) if (!OPS.includes(op)) throw new Error(`--ops: unknown operation '${op}' (known: ${OPS.join(', ')})`);
const extraOps = OPS.filter((op) => op !== 'Encrypt' && ops.includes(op));
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

const ACCOUNT = '111122223333';
const APP = { accessKeyId: 'ASIABENCHAPP00000001', secretAccessKey: 'bench-app-secret', sessionToken: 'bench-app-session' };

/** `--policy`: default key policy vs the typical three-statement policy, same server, same run. */
async function policyCost(dataDir: string, servers: ChildServer[]): Promise<void> {
  const credentialsFile = join(dataDir, 'bench-credentials.json');
  writeFileSync(
    credentialsFile,
    JSON.stringify({
      accounts: [{ accountId: ACCOUNT, principals: [{ arn: `arn:aws:sts::${ACCOUNT}:assumed-role/App/bench`, accessKeys: [APP], policies: [TYPICAL_APP_IDENTITY_POLICY] }] }],
    }),
  );
  {
    const reference = await startChildServer(process.execPath, [
      join(here, '../../bin/kmsbench.js'), 'serve', '--port', '0', '--data-dir', dataDir, '--workers', values.workers!, '--credentials', credentialsFile, ...values['server-arg']!,
    ]);
    servers.push(reference);
    const kms = new KMSClient({ endpoint: reference.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const plain = await kms.send(new CreateKeyCommand({ Description: 'bench-server default policy' }));
    const typical = await kms.send(new CreateKeyCommand({ Description: 'bench-server typical policy', Policy: JSON.stringify(typicalKeyPolicy(ACCOUNT)) }));
    kms.destroy();
    const signed = async (keyId: string) => {
      const body = JSON.stringify({ KeyId: keyId, Plaintext: Buffer.alloc(1024, 7).toString('base64'), EncryptionContext: { tenant: TYPICAL_POLICY_TENANT, purpose: 'bench' } });
      const s = await signJsonRequest({ endpoint: reference.url, region: 'us-east-1', credentials: APP, target: 'TrentService.Encrypt', body });
      return { headers: s.headers, body };
    };
    console.log(
      `bench-server --policy: Encrypt 1 KiB by a role session, closed-loop client, ${connections} connections, closed loop, ${duration} s per run, ${rounds} rounds; ` +
        `${cpus().length} cores (${cpus()[0]?.model.trim()}); reference workers: ${values.workers}`,
    );
    // One round each first, not counted: the first keys a fresh server serves pay its warm-up (JIT, caches).
    await measure('warm-up', reference, await signed(plain.KeyMetadata!.KeyId!));
    await measure('warm-up', reference, await signed(typical.KeyMetadata!.KeyId!));
    const samples: Sample[] = [];
    for (let r = 0; r < rounds; r++) {
      samples.push(await measure('default', reference, await signed(plain.KeyMetadata!.KeyId!)));
      samples.push(await measure('3-stmt', reference, await signed(typical.KeyMetadata!.KeyId!)));
    }
    report(samples);
    const mean = (t: string, f: (s: Sample) => number | undefined) => {
      const xs = samples.filter((s) => s.target === t).map(f).filter((x): x is number => x !== undefined);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const rps = (t: string) => mean(t, (s) => s.rps);
    const cpu = (t: string) => mean(t, (s) => s.serverCpuUs);
    console.log(`\ndefault key policy   mean ${rps('default').toFixed(0)} req/s, server CPU ${cpu('default').toFixed(1)} us/req`);
    console.log(`3-statement policy   mean ${rps('3-stmt').toFixed(0)} req/s, server CPU ${cpu('3-stmt').toFixed(1)} us/req`);
    console.log(`ratio 3-statement/default: throughput ${(rps('3-stmt') / rps('default')).toFixed(3)}, server CPU per request ${(cpu('3-stmt') / cpu('default')).toFixed(3)} (budget: within 5 %)`);
  }
}

function report(samples: Sample[], perRound = 2): void {
  console.log('\ntarget           round   req/s     p50 ms  p99 ms  errors  non-2xx  server CPU us/req  client CPU us/req');
  samples.forEach((s, i) =>
    console.log(
      `${s.target.padEnd(15)}  ${String(Math.floor(i / perRound) + 1).padEnd(6)}  ${s.rps.toFixed(0).padStart(7)}  ${s.p50.toFixed(2).padStart(6)}  ${s.p99.toFixed(2).padStart(6)}  ${String(s.errors).padStart(6)}  ${String(s.non2xx).padStart(7)}  ${(s.serverCpuUs?.toFixed(1) ?? 'n/a').padStart(17)}  ${s.clientCpuUs.toFixed(1).padStart(17)}`,
    ),
  );
  if (samples.some((s) => s.errors > 0 || s.non2xx > 0)) console.log('WARNING: some requests failed; figures are not valid');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kmsbench-bench-'));
  const servers: ChildServer[] = [];
  try {
    if (values.policy) return await policyCost(dataDir, servers);
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
      ...(extraOps.includes('Sign') ? ['--quota', 'ecc=1000000'] : []),
      ...values['server-arg']!,
    ]);
    servers.push(reference);
    const kms = new KMSClient({ endpoint: reference.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const key = await kms.send(new CreateKeyCommand({ Description: 'bench-server' }));
    const message = Buffer.alloc(1024, 7).toString('base64');
    const bodies: Record<BenchOp, string> = {
      Encrypt: JSON.stringify({ KeyId: key.KeyMetadata!.KeyId, Plaintext: message }),
      Sign: '',
      GenerateMac: '',
    };
    if (extraOps.includes('Sign')) {
      const ecc = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'bench-server' }));
      bodies.Sign = JSON.stringify({ KeyId: ecc.KeyMetadata!.KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' });
    }
    if (extraOps.includes('GenerateMac')) {
      const hmac = await kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Description: 'bench-server' }));
      bodies.GenerateMac = JSON.stringify({ KeyId: hmac.KeyMetadata!.KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' });
    }
    kms.destroy();
    const signed = async (url: string, op: BenchOp = 'Encrypt') => {
      const body = bodies[op];
      const s = await signJsonRequest({ endpoint: url, region: 'us-east-1', credentials, target: `TrentService.${op}`, body });
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
      for (const op of extraOps) samples.push(await measure(`ref:${op}`, reference, await signed(reference.url, op)));
    }
    report(samples, 2 + extraOps.length);
    const mean = (t: string) => {
      const xs = samples.filter((s) => s.target === t).map((s) => s.rps);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const ratio = mean('reference') / mean('minimal');
    console.log(`\nminimal   mean ${mean('minimal').toFixed(0)} req/s`);
    console.log(`reference mean ${mean('reference').toFixed(0)} req/s`);
    console.log(`ratio reference/minimal = ${ratio.toFixed(2)} (target >= 1.30)`);
    for (const op of extraOps) {
      console.log(`reference ${op.padEnd(11)} mean ${mean(`ref:${op}`).toFixed(0)} req/s = ${(mean(`ref:${op}`) / mean('reference')).toFixed(2)} × reference Encrypt (same run)`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
