/**
 * Cost of one SigV4 verification of a typical SDK-signed Encrypt request.
 *
 *   node --import tsx reference-impl/auth/sigv4.bench.ts
 *
 * The request is captured from the real @aws-sdk/client-kms (sent to a local node:http server),
 * then verified repeatedly with "now" one second after its X-Amz-Date. Also measured: the same
 * request with a cold signing-key cache, and the plain crypto floor (two SHA-256 + one HMAC).
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { Bench } from 'tinybench';
import { CredentialStore } from './credentials.js';
import { parseAmzDate } from '../sigv4/amz-date.js';
import { deriveSigningKey } from '../sigv4/signature.js';
import { verifySigV4, type SigV4Request } from './sigv4.js';

async function captureSdkEncrypt(): Promise<SigV4Request> {
  let captured: SigV4Request | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured = { method: req.method!, rawUrl: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ CiphertextBlob: 'AAAA', KeyId: 'k', EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new KMSClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  await client.send(
    new EncryptCommand({
      KeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      Plaintext: Buffer.alloc(256, 7),
      EncryptionContext: { tenant: 'acme', purpose: 'bench' },
    }),
  );
  client.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  if (!captured) throw new Error('no request captured');
  return captured;
}

const req = await captureSdkEncrypt();
const now = parseAmzDate(req.headers['x-amz-date'] as string) + 1000;
const store = CredentialStore.default();
verifySigV4(req, store, now); // must pass

console.log(`request: ${req.method} ${req.rawUrl}, body ${req.body.length} bytes`);
console.log(`signed headers: ${/SignedHeaders=([^,]+)/.exec(req.headers.authorization as string)?.[1]}`);


const headersCopy: IncomingHttpHeaders = { ...req.headers };
const bench = new Bench({ time: 2000, warmup: true });
bench
  .add('verifySigV4 (warm signing-key cache)', () => {
    verifySigV4(req, store, now);
  })
  .add('CredentialStore.default() (cold-run overhead)', () => {
    CredentialStore.default();
  })
  .add('verifySigV4 (cold: derive signing key)', () => {
    // A fresh store (so a fresh record) per call defeats the per-record signing-key cache.
    verifySigV4(req, CredentialStore.default(), now);
  })
  .add('verifySigV4 failure (bad signature)', () => {
    try {
      verifySigV4({ ...req, headers: { ...headersCopy, authorization: (req.headers.authorization as string).slice(0, -1) + '0' } }, store, now);
    } catch {
      /* expected (unless the last hex digit was already 0) */
    }
  })
  .add('crypto floor: sha256(body)+sha256(canonical)+hmac', () => {
    createHash('sha256').update(req.body).digest('hex');
    createHash('sha256').update('x'.repeat(420), 'latin1').digest('hex');
    createHmac('sha256', key).update('y'.repeat(120), 'latin1').digest('hex');
  })
  .add('deriveSigningKey (4 HMACs)', () => {
    deriveSigningKey('test', '20240517', 'us-east-1', 'kms');
  });
const key = deriveSigningKey('test', '20240517', 'us-east-1', 'kms');

await bench.run();
console.table(
  bench.tasks.map((t) => {
    const r = t.result as unknown as { latency?: { mean: number; p50?: number; p99?: number }; throughput?: { mean: number } };
    return {
      task: t.name,
      'mean µs': r.latency ? (r.latency.mean * 1000).toFixed(2) : '-',
      'p50 µs': r.latency?.p50 !== undefined ? (r.latency.p50 * 1000).toFixed(2) : '-',
      'p99 µs': r.latency?.p99 !== undefined ? (r.latency.p99 * 1000).toFixed(2) : '-',
      'ops/s': r.throughput ? Math.round(r.throughput.mean).toLocaleString('en-US') : '-',
    };
  }),
);
