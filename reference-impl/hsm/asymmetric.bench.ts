/**
 * Throughput of two HSM calls the asymmetric ops will make, printed only:
 * ECDSA P-256 Sign (RAW message) and HMAC_256 GenerateMac, plus ECDSA P-256 Sign with a DIGEST
 * message (the BigInt path of ecdsa-digest.ts) for comparison.
 *
 *   node --import tsx reference-impl/hsm/asymmetric.bench.ts [--time <ms per task>]
 *
 * @module
 */

import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { generateAsymmetricKeyPair, loadPrivateKey } from './asymmetric-keys.js';
import { generateHmacKey, generateMac } from './hmac.js';
import { signMessage } from './sign.js';

const { values } = parseArgs({ options: { time: { type: 'string', default: '2000' } } });
const time = Number(values.time);

const ecc = generateAsymmetricKeyPair('ECC_NIST_P256');
const eccKey = loadPrivateKey(ecc.privateKey); // what a caller caching KeyObjects passes
const hmacKey = generateHmacKey('HMAC_256');
const message = randomBytes(256);
const digest = createHash('sha256').update(message).digest();

let sink = 0;
const bench = new Bench({ time, warmupTime: 300 });
bench
  .add('ECDSA P-256 sign, RAW (KeyObject)', () => {
    sink += signMessage({ keySpec: 'ECC_NIST_P256', privateKey: eccKey, algorithm: 'ECDSA_SHA_256', message }).length;
  })
  .add('ECDSA P-256 sign, RAW (PKCS#8 DER, parsed per call)', () => {
    sink += signMessage({ keySpec: 'ECC_NIST_P256', privateKey: ecc.privateKey, algorithm: 'ECDSA_SHA_256', message }).length;
  })
  .add('ECDSA P-256 sign, DIGEST (KeyObject)', () => {
    sink += signMessage({ keySpec: 'ECC_NIST_P256', privateKey: eccKey, algorithm: 'ECDSA_SHA_256', messageType: 'DIGEST', message: digest }).length;
  })
  .add('HMAC_256 GenerateMac (256-byte message)', () => {
    sink += generateMac({ keySpec: 'HMAC_256', key: hmacKey, algorithm: 'HMAC_SHA_256', message }).length;
  });

await bench.run();

console.log(`node ${process.version}, ${time} ms per task, 256-byte messages`);
console.table(
  bench.tasks.map((t) => {
    const r = t.result as { latency?: { mean: number; p50?: number }; throughput?: { mean: number } };
    return {
      task: t.name,
      'ops/s (mean)': (r.throughput?.mean ?? NaN).toFixed(0),
      'p50 µs': ((r.latency?.p50 ?? NaN) * 1000).toFixed(1),
    };
  }),
);
if (sink === -1) console.log(sink);
