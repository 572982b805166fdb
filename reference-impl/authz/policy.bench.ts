/**
 * Micro-benchmark of the authorization hot path: Encrypt by an assumed-role session under the
 * default key policy (delegation to IAM, so the caller's identity policy is evaluated too) and
 * under a typical three-statement key policy (root/IAM, key administrators, key users with a
 * `kms:EncryptionContext:tenant` StringEquals condition). The budget (issue 12): the
 * three-statement policy within 5 % of the default policy.
 *
 *   node --import tsx reference-impl/authz/policy.bench.ts [--time <ms per task>]
 *
 * Rows: `evaluate` alone with a prepared request context, and `context+evaluate`, which also
 * builds the context with requestContextFor as the wiring will for each request.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { defaultKeyPolicy } from '../keys/policy-document.js';
import { requestContextFor, type KeyFacts } from './context.js';
import { compilePolicy } from './document.js';
import { evaluate, type AuthzRequest } from './evaluate.js';
import { callerPrincipal } from './principal.js';
import { TYPICAL_APP_IDENTITY_POLICY, typicalKeyPolicy } from './typical-policy.js';

const { values } = parseArgs({ options: { time: { type: 'string', default: '2000' } } });
const time = Number(values.time);

const A = '111122223333';
const key: KeyFacts = {
  arn: `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  account: A,
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
  origin: 'AWS_KMS',
  aliases: ['alias/app'],
  tags: [{ TagKey: 'Project', TagValue: 'Alpha' }],
};
const caller = callerPrincipal(`arn:aws:sts::${A}:assumed-role/App/i-0123456789abcdef0`);
const input = { KeyId: key.arn, Plaintext: 'aGVsbG8=', EncryptionContext: { tenant: 'acme', purpose: 'bench' } };

const defaultPolicy = compilePolicy(defaultKeyPolicy(A), { kind: 'key' });
const threeStatements = compilePolicy(typicalKeyPolicy(A), { kind: 'key' });
const identity = [compilePolicy(TYPICAL_APP_IDENTITY_POLICY, { kind: 'identity' })];

const now = Date.now();
const request = (): AuthzRequest => ({
  action: 'kms:Encrypt',
  resource: key.arn,
  resourceAccount: A,
  principal: caller,
  context: requestContextFor('Encrypt', input, key, caller, { now, secureTransport: true, sourceIp: '203.0.113.9' }),
  crossAccount: true,
});
const prepared = request();
for (const p of [defaultPolicy, threeStatements]) {
  const d = evaluate(prepared, p, identity);
  if (d.decision !== 'allow') throw new Error(`bench setup: expected allow, got ${JSON.stringify(d)}`);
}

// Each task iteration runs BATCH calls, so the timer's own cost (~100 ns) does not swamp ns/op.
const BATCH = 1000;
let sink = 0;
const batch = (fn: () => string) => () => {
  for (let i = 0; i < BATCH; i++) sink += fn().length;
};
const bench = new Bench({ time, warmupTime: 500 });
bench
  .add('evaluate: default key policy', batch(() => evaluate(prepared, defaultPolicy, identity).decision))
  .add('evaluate: 3-statement policy + EC condition', batch(() => evaluate(prepared, threeStatements, identity).decision))
  .add('context+evaluate: default key policy', batch(() => evaluate(request(), defaultPolicy, identity).decision))
  .add('context+evaluate: 3-statement policy + EC condition', batch(() => evaluate(request(), threeStatements, identity).decision));
await bench.run();

// The machine is shared: besides the mean, print the median and the minimum per batch, which
// interference from other processes inflates least.
type Latency = { mean: number; p50?: number; min: number };
const stats = bench.tasks.map((t) => {
  const l = (t.result as { latency?: Latency }).latency;
  const ns = (ms: number | undefined) => ((ms ?? NaN) * 1e6) / BATCH;
  return { name: t.name, mean: ns(l?.mean), p50: ns(l?.p50), min: ns(l?.min) };
});
console.log(`${'task'.padEnd(52)} ${'mean'.padStart(9)} ${'p50'.padStart(9)} ${'min'.padStart(9)}   (ns/op)`);
for (const r of stats) console.log(`${r.name.padEnd(52)} ${r.mean.toFixed(1).padStart(9)} ${r.p50.toFixed(1).padStart(9)} ${r.min.toFixed(1).padStart(9)}`);
const ratio = (a: number, b: number) => (a / b).toFixed(3);
console.log(`ratio 3-statement / default, evaluate:          mean ${ratio(stats[1].mean, stats[0].mean)}  p50 ${ratio(stats[1].p50, stats[0].p50)}  min ${ratio(stats[1].min, stats[0].min)}`);
console.log(`ratio 3-statement / default, context+evaluate:  mean ${ratio(stats[3].mean, stats[2].mean)}  p50 ${ratio(stats[3].p50, stats[2].p50)}  min ${ratio(stats[3].min, stats[2].min)}`);
if (sink === 0) console.log('');
