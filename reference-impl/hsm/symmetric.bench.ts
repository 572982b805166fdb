/**
 * Micro-benchmark of the HSM hot path against bare Node AES-256-GCM in the same run.
 *
 *   node --import tsx reference-impl/hsm/symmetric.bench.ts [--time <ms per task>] [--size <bytes>]
 *
 * Baselines: `createCipheriv` + `setAAD` + `update` + `final` + `getAuthTag` (and the decipher
 * equivalent) on the same key, size and AAD length, with a constant IV — i.e. the least any
 * implementation on Node's crypto API can pay. The HSM rows add IV generation, blob assembly,
 * header AAD, parsing and key checks.
 *
 * @module
 */

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { HEADER_AAD_LENGTH, parseCiphertextBlob } from './blob.js';
import { encodeEncryptionContext } from './encryption-context.js';
import { decryptSymmetric, encryptSymmetric, generateBackingKey, importBackingKey } from './symmetric.js';

const { values } = parseArgs({
  options: { time: { type: 'string', default: '2000' }, size: { type: 'string', default: '1024' } },
});
const time = Number(values.time);
const size = Number(values.size);

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const material = generateBackingKey();
const keyObject = importBackingKey(material);
const plaintext = randomBytes(size);
const context = { tenant: 'acme', purpose: 'bench', 'aws:s3:arn': 'arn:aws:s3:::bucket/object' };
const contextAad = encodeEncryptionContext(context);
const noContext = encodeEncryptionContext(undefined);

// Baseline inputs.
const iv = randomBytes(12);
const headerLike = randomBytes(HEADER_AAD_LENGTH);
const baseCipher = createCipheriv('aes-256-gcm', material, iv);
baseCipher.setAAD(headerLike);
const baseCt = Buffer.concat([baseCipher.update(plaintext), baseCipher.final()]);
const baseTag = baseCipher.getAuthTag();

const blob = encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad: noContext });
const blobCtx = encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad });

let sink = 0;
const bench = new Bench({ time, warmupTime: 500 });
bench
  .add('baseline: bare GCM encrypt', () => {
    const c = createCipheriv('aes-256-gcm', material, iv);
    c.setAAD(headerLike);
    const ct = c.update(plaintext);
    c.final();
    sink += ct.length + c.getAuthTag().length;
  })
  .add('hsm: encryptSymmetric (no context)', () => {
    sink += encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad: noContext }).length;
  })
  .add('hsm: encryptSymmetric (3-pair context, pre-encoded)', () => {
    sink += encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad }).length;
  })
  .add('hsm: encode context + encryptSymmetric', () => {
    sink += encryptSymmetric({ keyId, backingKeyVersion: 1, material, plaintext, contextAad: encodeEncryptionContext(context) }).length;
  })
  .add('hsm: encryptSymmetric (KeyObject key)', () => {
    sink += encryptSymmetric({ keyId, backingKeyVersion: 1, material: keyObject, plaintext, contextAad: noContext }).length;
  })
  .add('baseline: bare GCM decrypt', () => {
    const d = createDecipheriv('aes-256-gcm', material, iv);
    d.setAuthTag(baseTag);
    d.setAAD(headerLike);
    const pt = d.update(baseCt);
    d.final();
    sink += pt.length;
  })
  .add('hsm: parse + decryptSymmetric (no context)', () => {
    sink += decryptSymmetric({ parsed: parseCiphertextBlob(blob), material, contextAad: noContext }).length;
  })
  .add('hsm: parse + decryptSymmetric (3-pair context, pre-encoded)', () => {
    sink += decryptSymmetric({ parsed: parseCiphertextBlob(blobCtx), material, contextAad }).length;
  })
  .add('hsm: parseCiphertextBlob only', () => {
    sink += parseCiphertextBlob(blob).backingKeyVersion;
  })
  .add('hsm: encodeEncryptionContext (3 pairs)', () => {
    sink += encodeEncryptionContext(context).length;
  });

await bench.run();

const rows = bench.tasks.map((t) => {
  const r = t.result as { latency?: { mean: number; p50?: number; moe?: number }; throughput?: { mean: number } };
  const meanNs = (r.latency?.mean ?? NaN) * 1e6;
  const p50Ns = (r.latency?.p50 ?? NaN) * 1e6;
  return { task: t.name, 'mean ns': meanNs, 'p50 ns': p50Ns, 'ops/s (mean)': r.throughput?.mean ?? NaN };
});
const byName = new Map(rows.map((r) => [r.task, r]));
const vs = (name: string, base: string) => {
  const a = byName.get(name)!;
  const b = byName.get(base)!;
  return `${(a['p50 ns'] - b['p50 ns']).toFixed(0)} ns over baseline (p50), ×${(a['p50 ns'] / b['p50 ns']).toFixed(2)}`;
};

console.log(`node ${process.version}, ${size}-byte plaintext, ${time} ms per task`);
console.table(
  rows.map((r) => ({
    task: r.task,
    'mean ns': r['mean ns'].toFixed(0),
    'p50 ns': r['p50 ns'].toFixed(0),
    'ops/s (mean)': r['ops/s (mean)'].toFixed(0),
  })),
);
console.log('encrypt:', vs('hsm: encryptSymmetric (no context)', 'baseline: bare GCM encrypt'));
console.log('encrypt+ctx:', vs('hsm: encode context + encryptSymmetric', 'baseline: bare GCM encrypt'));
console.log('decrypt:', vs('hsm: parse + decryptSymmetric (no context)', 'baseline: bare GCM decrypt'));
console.log('decrypt+ctx:', vs('hsm: parse + decryptSymmetric (3-pair context, pre-encoded)', 'baseline: bare GCM decrypt'));
if (sink === -1) console.log(sink);
