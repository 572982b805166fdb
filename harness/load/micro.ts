/**
 * In-process costs, measured with tinybench: SigV4 signing (client) and verification (server),
 * AES-256-GCM seal/open of the reference HSM, ciphertext blob wire encode/decode, the quota
 * limiter's admit, and building a raw request. Each is reported as operations per second with
 * tinybench's relative margin of error (95 %); fast operations are timed in batches so timer
 * overhead does not dominate.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import { verifySigV4 } from '../../reference-impl/auth/sigv4.js';
import { parseAmzDate } from '../../reference-impl/auth/amz-date.js';
import { CredentialStore } from '../../reference-impl/auth/credentials.js';
import { parseCiphertextBlob } from '../../reference-impl/hsm/blob.js';
import { encodeEncryptionContext } from '../../reference-impl/hsm/encryption-context.js';
import { decryptSymmetric, encryptSymmetric, generateBackingKey } from '../../reference-impl/hsm/symmetric.js';
import { Limiter } from '../../common/quota/limiter.js';
import { signJsonRequest } from '../client/sign.js';
import { buildRequest } from './closed-loop.js';

export interface MicroTask {
  name: string;
  opsPerSec: number;
  rmePercent: number;
  meanNs: number;
  p50Ns: number;
  p99Ns: number;
  samples: number;
  batch: number;
}

export interface MicroOptions {
  /** Time per task (ms, default 500). */
  timeMs?: number;
  /** Only tasks whose name contains this. */
  filter?: string;
}

export async function runMicro(options: MicroOptions = {}): Promise<MicroTask[]> {
  const time = options.timeMs ?? 500;
  const endpoint = 'http://127.0.0.1:4599';
  const region = 'us-east-1';
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
  const plaintext = Buffer.alloc(1024, 7);
  const body = JSON.stringify({ KeyId: keyId, Plaintext: plaintext.toString('base64'), EncryptionContext: { tenant: 'acme' } });
  const signArgs = { endpoint, region, credentials, target: 'TrentService.Encrypt', body };
  const signed = await signJsonRequest(signArgs);
  const store = CredentialStore.default();
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) lower[k.toLowerCase()] = v;
  const sigReq = { method: 'POST', rawUrl: '/', headers: lower, body: Buffer.from(body) };
  const now = parseAmzDate(lower['x-amz-date']!) + 1000;
  verifySigV4(sigReq, store, now); // must verify
  const material = generateBackingKey();
  const contextAad = encodeEncryptionContext({ tenant: 'acme' });
  const blob = encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad });
  const blobB64 = blob.toString('base64');
  const limiter = new Limiter(); // us-east-1 defaults; the simulated clock runs fast, so both paths (admit, throttle) are taken
  const url = new URL(endpoint);
  const clock = { ns: 0 };
  let sink = 0;

  const tasks: { name: string; batch: number; fn: () => unknown }[] = [
    { name: 'SigV4 sign (client, @smithy/signature-v4, Encrypt 1 KiB)', batch: 1, fn: () => signJsonRequest(signArgs) },
    {
      name: 'SigV4 verify (reference server, warm signing key)',
      batch: 1,
      fn: () => {
        sink += verifySigV4(sigReq, store, now).region.length;
      },
    },
    {
      name: 'AES-256-GCM seal 1 KiB (HSM encryptSymmetric)',
      batch: 1,
      fn: () => {
        sink += encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad }).length;
      },
    },
    {
      name: 'AES-256-GCM open 1 KiB (parse + decryptSymmetric)',
      batch: 1,
      fn: () => {
        sink += decryptSymmetric({ parsed: parseCiphertextBlob(blob), material, contextAad }).length;
      },
    },
    {
      name: 'blob encode (ciphertext blob → base64, 1 KiB)',
      batch: 10,
      fn: () => {
        for (let i = 0; i < 10; i++) sink += blob.toString('base64').length;
      },
    },
    {
      name: 'blob decode (base64 → parseCiphertextBlob, 1 KiB)',
      batch: 10,
      fn: () => {
        for (let i = 0; i < 10; i++) sink += parseCiphertextBlob(Buffer.from(blobB64, 'base64')).backingKeyVersion;
      },
    },
    {
      name: 'limiter admit (Limiter.admit, symmetric)',
      batch: 1000,
      fn: () => {
        let t = clock.ns;
        for (let i = 0; i < 1000; i++) if (limiter.admit('111122223333', 'us-east-1', 'symmetric', (t += 7))) sink++;
        clock.ns = t;
      },
    },
    {
      name: 'raw request build (pre-signed template → bytes)',
      batch: 10,
      fn: () => {
        for (let i = 0; i < 10; i++) sink += buildRequest(url, signed.headers, Buffer.from(body)).length;
      },
    },
  ].filter((t) => !options.filter || t.name.toLowerCase().includes(options.filter.toLowerCase()));

  const bench = new Bench({ time, warmupTime: Math.min(200, time / 2), now: () => performance.now() });
  for (const t of tasks) bench.add(t.name, t.fn);
  await bench.run();
  if (sink === -1) console.log(sink);
  return bench.tasks.map((task, i) => {
    const batch = tasks[i]!.batch;
    const r = task.result as { state: string; latency?: { mean: number; p50: number; p99: number; samplesCount: number }; throughput?: { mean: number; rme: number }; error?: Error };
    if (!r.latency || !r.throughput) throw new Error(`micro task '${task.name}' did not complete (${r.state}${r.error ? `: ${r.error.message}` : ''})`);
    const perOpNs = (ms: number) => (ms * 1e6) / batch;
    return {
      name: task.name,
      opsPerSec: r.throughput.mean * batch,
      rmePercent: r.throughput.rme,
      meanNs: perOpNs(r.latency.mean),
      p50Ns: perOpNs(r.latency.p50),
      p99Ns: perOpNs(r.latency.p99),
      samples: r.latency.samplesCount,
      batch,
    };
  });
}
