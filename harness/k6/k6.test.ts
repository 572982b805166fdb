/**
 * The exported k6 scripts: every suite's script typechecks against @types/k6 (k6 itself is not
 * installable here), the script's own SigV4 signer agrees with the project's (@smithy), and a
 * generated script runs end to end against the reference server with the k6 modules shimmed in
 * Node (synchronous http.post through a child process, as k6's is synchronous).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJsonRequest } from '../client/sign.js';
import { parseWorkloadText, planWorkload } from '../plan/index.js';
import { expectedThrottled, latencySuite, renderK6Script, throttleCurveSuite, workloadSuite, type K6ScriptSpec } from './index.js';
import { suiteSpec } from '../../cli/export-k6.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKLOADS = join(ROOT, 'suites', 'workloads');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const K6_TYPES = join(ROOT, 'node_modules', '@types', 'k6');
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every suite the exporter knows, with the CLI's own option handling. */
function allSpecs(): [string, K6ScriptSpec][] {
  const out: [string, K6ScriptSpec][] = [
    ['latency', suiteSpec({ suite: 'latency' })],
    ['latency-eu', suiteSpec({ suite: 'latency', region: 'eu-west-1', rate: '0.5', duration: '30s', ops: 'Encrypt,DescribeKey' })],
    ['throttle-curve', suiteSpec({ suite: 'throttle-curve' })],
    ['throttle-curve-describe', suiteSpec({ suite: 'throttle-curve', op: 'DescribeKey', 'quota-profile': 'legacy-2017', 'step-seconds': '10' })],
  ];
  for (const f of readdirSync(WORKLOADS).filter((x) => x.endsWith('.yaml') && !x.endsWith('.mix.yaml'))) {
    out.push([`workload-${f.replace(/\.yaml$/, '')}`, suiteSpec({ suite: 'workload', workload: join(WORKLOADS, f) })]);
    out.push([`workload-${f.replace(/\.yaml$/, '')}-scaled`, suiteSpec({ suite: 'workload', workload: join(WORKLOADS, f), scale: '0.001', average: true })]);
  }
  return out;
}

describe('k6 scripts typecheck against @types/k6', () => {
  it('every suite (latency, throttle-curve, each example workload) passes tsc --strict with checkJs', () => {
    const dir = tmp('kmsbench-k6-tsc-');
    const specs = allSpecs();
    for (const [name, spec] of specs) writeFileSync(join(dir, `${name}.js`), renderK6Script(spec));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          allowJs: true,
          checkJs: true,
          noEmit: true,
          strict: true,
          noUnusedLocals: true,
          target: 'ES2020',
          module: 'ES2020',
          moduleResolution: 'node',
          lib: ['ES2020'],
          types: ['k6'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
          baseUrl: '.',
          paths: { k6: [join(K6_TYPES, 'index.d.ts')], 'k6/*': [join(K6_TYPES, '*')] },
        },
        include: ['*.js'],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
    expect(specs.length).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('a deliberate type error is caught (the check is real)', () => {
    const dir = tmp('kmsbench-k6-tsc-neg-');
    const script = renderK6Script(latencySuite({ rate: 1 })).replace("executor: 'constant-arrival-rate'", "executor: 'constant-arrival-rat'");
    writeFileSync(join(dir, 'bad.js'), script);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { allowJs: true, checkJs: true, noEmit: true, strict: true, target: 'ES2020', module: 'ES2020', moduleResolution: 'node', lib: ['ES2020'], types: ['k6'], typeRoots: [join(ROOT, 'node_modules', '@types')], baseUrl: '.', paths: { k6: [join(K6_TYPES, 'index.d.ts')], 'k6/*': [join(K6_TYPES, '*')] } },
        include: ['*.js'],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/bad\.js\(\d+,\d+\): error TS\d+: [\s\S]*constant-arrival-rat/);
  }, 120_000);
});

describe('suite contents', () => {
  it('latency: one constant-arrival-rate scenario and one p99 threshold per operation, throttled < 1 %', () => {
    const s = renderK6Script(latencySuite({ rate: 25 }));
    for (const op of ['Encrypt', 'Decrypt', 'GenerateDataKey', 'ReEncrypt', 'DescribeKey']) {
      expect(s).toContain(`"http_req_duration{op:${op}}": ['p(99)<' + p99Ms("${op}", 100)]`);
      expect(s).toMatch(new RegExp(`  ${op}: \\{ executor: 'constant-arrival-rate'`));
    }
    expect(s).toContain(`kms_throttled: ["rate<0.01"]`);
  });

  it('throttle-curve: ramping-arrival-rate over 0.5×–3× of the Region quota, thresholds 1 − 1/f ± 15 points', () => {
    const spec = throttleCurveSuite({ region: 'us-east-2' });
    const e = spec.streams[0]!.executor;
    expect(e.kind === 'ramping' && [e.quotaRate, e.factors]).toEqual([20_000, [0.5, 1, 1.5, 2, 2.5, 3]]);
    const s = renderK6Script(spec);
    expect(s).toContain("executor: 'ramping-arrival-rate'");
    expect(s).toContain(`"kms_throttled{load:0.5x}": ['rate<0.01']`);
    expect(s).toContain(`"kms_throttled{load:3x}": ['rate>${(expectedThrottled(3) - 0.15).toFixed(3)}', 'rate<${(expectedThrottled(3) + 0.15).toFixed(3)}']`);
    expect(throttleCurveSuite({ region: 'us-east-1' }).title).toContain('100000/s');
  });

  it('workload: one scenario per planned stream at its peak rate', () => {
    const w = parseWorkloadText(readFileSync(join(WORKLOADS, 'ecc-signing-service.yaml'), 'utf8'));
    const plan = planWorkload(w);
    const spec = workloadSuite(w, plan);
    expect(spec.streams.map((s) => [s.operation, s.executor.kind === 'constant' && s.executor.ratePerSecond])).toEqual(plan.streams.map((s) => [s.operation, +s.peak.toPrecision(6)]));
    expect(spec.keys).toEqual([
      { name: 'jwt_signing', spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY' },
      { name: 'device_wrapping', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT' },
    ]);
    expect(spec.throttledThreshold).toBe('rate<0.75'); // the plan says the ECC class is over quota
  });
});

// ---------------------------------------------------------------------------------------------
// Running a generated script in Node with the k6 modules shimmed

const SHIMS: Record<string, string> = {
  'k6-http.mjs': `import { execFileSync } from 'node:child_process';
const FETCH = "let s='';process.stdin.on('data',d=>s+=d).on('end',async()=>{const r=JSON.parse(s);const h={...r.headers};delete h.host;const res=await fetch(r.url,{method:'POST',headers:h,body:r.body});process.stdout.write(JSON.stringify({status:res.status,body:await res.text()}));});";
export const requests = [];
function post(url, body, params) {
  const out = JSON.parse(execFileSync(process.execPath, ['-e', FETCH], { input: JSON.stringify({ url, body, headers: params.headers }), encoding: 'utf8' }));
  requests.push({ url, body, params, status: out.status, reply: out.body });
  return { status: out.status, body: out.body, json: () => JSON.parse(out.body) };
}
export default { post };`,
  'k6-crypto.mjs': `import { createHash, createHmac } from 'node:crypto';
const buf = (x) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : Buffer.from(x));
const out = (d, enc) => (enc === 'binary' ? d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength) : d.toString(enc));
export default {
  sha256: (input, enc) => out(createHash('sha256').update(buf(input)).digest(), enc),
  hmac: (alg, secret, input, enc) => out(createHmac(alg, buf(secret)).update(buf(input)).digest(), enc),
};`,
  'k6-encoding.mjs': `export default { b64encode: (s) => Buffer.from(s, 'utf8').toString('base64') };`,
  'k6-execution.mjs': `export default { scenario: { startTime: Date.now(), name: 'test' } };`,
  'k6-metrics.mjs': `export const samples = [];
export class Rate { constructor(n) { this.n = n; } add(v, tags) { samples.push({ metric: this.n, value: v, tags }); } }
export class Counter extends Rate {}
export class Trend extends Rate {}`,
  'k6.mjs': `export const checks = [];
export function check(v, sets) { for (const [name, fn] of Object.entries(sets)) checks.push({ name, ok: fn(v) }); return true; }
export function sleep() {}`,
};

async function loadScript(script: string, env: Record<string, string>) {
  const dir = tmp('kmsbench-k6-run-');
  for (const [name, text] of Object.entries(SHIMS)) writeFileSync(join(dir, name), text);
  const patched = script
    .replace("from 'k6/http'", "from './k6-http.mjs'")
    .replace("from 'k6/crypto'", "from './k6-crypto.mjs'")
    .replace("from 'k6/encoding'", "from './k6-encoding.mjs'")
    .replace("from 'k6/execution'", "from './k6-execution.mjs'")
    .replace("from 'k6/metrics'", "from './k6-metrics.mjs'")
    .replace("from 'k6'", "from './k6.mjs'");
  expect(patched).not.toMatch(/from 'k6/);
  writeFileSync(join(dir, 'script.mjs'), patched);
  (globalThis as { __ENV?: Record<string, string> }).__ENV = env;
  const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'script.mjs')).href)) as Record<string, unknown>;
  const http = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'k6-http.mjs')).href)) as { requests: { url: string; status: number; reply: string; params: { tags: Record<string, string> } }[] };
  return { mod, http };
}

describe('the script SigV4 signer', () => {
  it('produces exactly the Authorization header @smithy/signature-v4 produces (with and without a session token)', async () => {
    for (const sessionToken of [undefined, 'FQoGZXIvYXdzEXAMPLE==']) {
      const { mod } = await loadScript(renderK6Script(latencySuite({ rate: 1 })), {
        KMS_ENDPOINT: 'http://127.0.0.1:4599',
        AWS_REGION: 'eu-central-1',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        ...(sessionToken ? { AWS_SESSION_TOKEN: sessionToken } : {}),
      });
      const signedHeaders = mod.signedHeaders as (t: string, b: string, now: Date) => Record<string, string>;
      const when = new Date('2026-03-04T05:06:07.891Z');
      const body = JSON.stringify({ KeyId: 'alias/x', Plaintext: 'aGVsbG8=' });
      const mine = signedHeaders('TrentService.Encrypt', body, when);
      const ref = await signJsonRequest({
        endpoint: 'http://127.0.0.1:4599',
        region: 'eu-central-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', ...(sessionToken ? { sessionToken } : {}) },
        target: 'TrentService.Encrypt',
        body,
        signingDate: when,
      });
      expect(mine.authorization).toBe(ref.headers.authorization);
      expect(mine['x-amz-date']).toBe('20260304T050607Z');
    }
  });
});

describe('a generated script against the reference server', () => {
  let server: ChildProcess;
  let url = '';
  beforeAll(async () => {
    const data = tmp('kmsbench-k6-server-');
    server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'main.ts'), 'serve', '--port', '0', '--workers', '1', '--no-quotas', '--no-audit', '--data-dir', data], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
  }, 30_000);
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('latency suite: setup() creates the key and ciphertext; every scenario function gets 200 from the server', async () => {
    const { mod, http } = await loadScript(renderK6Script(latencySuite({ rate: 1 })), { KMS_ENDPOINT: url, AWS_REGION: 'us-east-1' });
    const data = (mod.setup as () => { keys: Record<string, string>; ciphertexts: Record<string, string> })();
    expect(data.keys.symmetric).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof data.ciphertexts.symmetric).toBe('string');
    const runs = Object.keys(mod).filter((k) => k.startsWith('run_'));
    expect(runs.sort()).toEqual(['run_Decrypt', 'run_DescribeKey', 'run_Encrypt', 'run_GenerateDataKey', 'run_GenerateDataKeyWithoutPlaintext', 'run_GenerateRandom', 'run_ReEncrypt']);
    const before = http.requests.length;
    for (const r of runs) (mod[r] as (d: unknown) => void)(data);
    const calls = http.requests.slice(before);
    expect(calls.map((c) => [c.params.tags.op, c.status, c.reply.slice(0, 80)])).toEqual(calls.map((c) => [c.params.tags.op, 200, c.reply.slice(0, 80)]));
    const options = mod.options as { scenarios: Record<string, { rate: number; timeUnit: string }> };
    expect(options.scenarios.Encrypt).toMatchObject({ rate: 1, timeUnit: '1s' });
  }, 60_000);

  it('workload suite (microservice fleet, scaled): its streams run against the server', async () => {
    const spec = suiteSpec({ suite: 'workload', workload: join(WORKLOADS, 'microservice-fleet-envelope-caching.yaml'), scale: '0.001' });
    // The server serves us-east-1; AWS_REGION overrides the workload's eu-central-1 at run time.
    const { mod, http } = await loadScript(renderK6Script(spec), { KMS_ENDPOINT: url, AWS_REGION: 'us-east-1' });
    const data = (mod.setup as () => unknown)();
    const before = http.requests.length;
    const runs = Object.keys(mod).filter((k) => k.startsWith('run_'));
    expect(runs.length).toBe(spec.streams.length);
    for (const r of runs) (mod[r] as (d: unknown) => void)(data);
    expect(http.requests.slice(before).every((c) => c.status === 200)).toBe(true);
    // Fractional rates become per-minute or per-hour arrivals (k6 wants integers per time unit): 0.5/s × 0.001 = 1.8/h.
    const options = mod.options as { scenarios: Record<string, { rate: number; timeUnit: string }> };
    expect(options.scenarios.orders_DescribeKey_orders_cmk).toMatchObject({ rate: 2, timeUnit: '1h' });
  }, 60_000);
});
