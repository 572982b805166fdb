/**
 * Per-call cost of `validateRequest` on typical bodies (the server's hot path).
 *
 *   node --import tsx reference-impl/validate/validate.bench.ts
 *
 * Bodies are parsed once up front: this measures validation + base64 decoding, not JSON.parse.
 *
 * @module
 */
import { Bench } from 'tinybench';
import { validateRequest } from './index.js';

const keyId = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const b64 = (n: number): string => Buffer.alloc(n, 0x5a).toString('base64');
const parsed = (o: unknown): unknown => JSON.parse(JSON.stringify(o));

const bodies = {
  'Encrypt 32 B + 2-entry context': parsed({ KeyId: keyId, Plaintext: b64(32), EncryptionContext: { tenant: 't-42', purpose: 'dek' } }),
  'Encrypt 256 B': parsed({ KeyId: keyId, Plaintext: b64(256) }),
  'Encrypt 4096 B': parsed({ KeyId: keyId, Plaintext: b64(4096) }),
  'Decrypt 184 B ciphertext + context': parsed({ CiphertextBlob: b64(184), EncryptionContext: { tenant: 't-42' } }),
  'GenerateDataKey AES_256': parsed({ KeyId: keyId, KeySpec: 'AES_256' }),
  'CreateKey with 3 tags': parsed({ Description: 'bench', Tags: [1, 2, 3].map((i) => ({ TagKey: `k${i}`, TagValue: `v${i}` })) }),
};

const bench = new Bench({ time: 500, warmupTime: 200 });
for (const [name, body] of Object.entries(bodies)) {
  const op = name.split(' ')[0] as 'Encrypt';
  bench.add(name, () => {
    validateRequest(op, body);
  });
}
const rawEncrypt = JSON.stringify({ KeyId: keyId, Plaintext: b64(32), EncryptionContext: { tenant: 't-42', purpose: 'dek' } });
bench.add('Encrypt 32 B + context, incl. JSON.parse', () => {
  validateRequest('Encrypt', JSON.parse(rawEncrypt));
});
const invalid = parsed({ KeyId: '', Plaintext: b64(5000) });
bench.add('Encrypt invalid (2 violations, throws)', () => {
  try {
    validateRequest('Encrypt', invalid);
  } catch {
    /* expected */
  }
});

await bench.run();
console.table(
  bench.tasks.map((t) => {
    const r = t.result as { latency?: { mean: number; p99?: number }; throughput?: { mean: number } } | undefined;
    return {
      body: t.name,
      'mean µs': r?.latency ? (r.latency.mean * 1000).toFixed(2) : '?',
      'p99 µs': r?.latency?.p99 !== undefined ? (r.latency.p99 * 1000).toFixed(2) : '?',
      'calls/s': r?.throughput ? Math.round(r.throughput.mean).toLocaleString('en-US') : '?',
    };
  }),
);
