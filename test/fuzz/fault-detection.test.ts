/**
 * Tests of the fuzzers themselves: run against a server started with deliberate faults
 * (reference-impl/faults.ts), the same properties must fail; and the leak scanner and the
 * error-shape check must flag what they exist to flag. A fuzzer that cannot fail proves nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciphertextCases, keyRefsOf, mutatedBody, otherContext, tampers, type KeyRefs } from './arbitraries.js';
import {
  addKeyMaterial,
  awsErrorProblem,
  CANARY,
  expectCleanError,
  FuzzEnv,
  JSON_TYPE,
  LeakScanner,
  seedKeys,
  signedRequest,
  toJson,
  type Seed,
} from './fuzz-kit.js';

let env: FuzzEnv;
let seed: Seed;
let refs: KeyRefs;
const scanner = new LeakScanner();

beforeAll(async () => {
  env = await FuzzEnv.open({ prefix: 'kmsbench-fuzz-faults-', faults: ['no-sigv4', 'ignore-key-state', 'ec-concat'] });
  seed = await seedKeys(env, scanner);
  addKeyMaterial(env, scanner);
  refs = keyRefsOf(seed);
});

afterAll(async () => {
  await env?.close();
  env?.remove();
});

const b64 = (b: Buffer) => b.toString('base64');

describe('the properties fail on a faulty server', () => {
  it('fault no-sigv4: the signature-tampering property finds a tampered request that is served', async () => {
    const result = await fc.check(
      fc.asyncProperty(tampers, async (t) => {
        const body = `{"KeyId":"${seed.keys.enabled}","Plaintext":"${b64(Buffer.from(`${CANARY} tamper`, 'latin1'))}"}`;
        const req = t.apply(await signedRequest('TrentService.Encrypt', body));
        expectCleanError(scanner, t.label, req.body, await env.handle(req), t.want ? [t.want] : undefined);
      }),
      { numRuns: 200, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
  });

  it('fault ignore-key-state: the ciphertext property finds a disabled key that still decrypts', async () => {
    const disabledOnly = ciphertextCases(seed, refs).filter((c) => c.label.startsWith('blob of a key in state'));
    const result = await fc.check(
      fc.asyncProperty(disabledOnly, async (c) => {
        const body = toJson({ CiphertextBlob: c.blob, EncryptionContext: c.context });
        expectCleanError(scanner, c.label, body, await env.call('Decrypt', body), c.allowed);
      }),
      { numRuns: 20, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
    // ...and the reply that got through carried the plaintext, which the scanner sees.
    const blob = seed.known.find((k) => k.expect === 'DisabledException')!;
    const r = await env.call('Decrypt', toJson({ CiphertextBlob: b64(blob.blob), EncryptionContext: blob.context }));
    expect(r.status).toBe(200);
    expect(scanner.find(r.body)).toBeDefined();
  });

  it('fault ec-concat: near-miss contexts ({"ab":"c"} vs {"a":"bc"}) decrypt', async () => {
    const k = seed.known.find((b) => b.context && Object.hasOwn(b.context, 'ab'))!;
    const result = await fc.check(
      fc.asyncProperty(otherContext(k.context), async (context) => {
        const body = toJson({ CiphertextBlob: b64(k.blob), EncryptionContext: context });
        expectCleanError(scanner, 'near-miss context', body, await env.call('Decrypt', body), ['InvalidCiphertextException', 'ValidationException']);
      }),
      { numRuns: 300, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
  });
});

describe('the model fuzzer fails on a server that echoes sensitive values', () => {
  let leaky: FuzzEnv;
  beforeAll(async () => {
    leaky = await FuzzEnv.open({ prefix: 'kmsbench-fuzz-echo-', faults: ['echo-plaintext'] });
  });
  afterAll(async () => {
    await leaky?.close();
    leaky?.remove();
  });

  it.each(['Encrypt', 'GenerateMac', 'Sign', 'CreateCustomKeyStore'] as const)('fault echo-plaintext: %s', async (op) => {
    const pools = { keyRef: fc.uuid(), badCiphertext: fc.constant('AAAA') };
    const result = await fc.check(
      fc.asyncProperty(mutatedBody(op, pools), async (c) => {
        expectCleanError(scanner, `${op}: ${c.labels.join('; ')}`, c.body, await leaky.handle(await signedRequest(`TrentService.${op}`, c.body)));
      }),
      { numRuns: 300, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toMatch(/leaks canary/);
  });
});

describe('the checks flag what they exist to flag', () => {
  const ok = { status: 400, headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': '0b4a7c2e-6f0e-4c3a-9d7e-2b1f5a6c8d90' }, body: '{"__type":"NotFoundException","message":"nope"}' };

  it('a clean AWS error passes', () => {
    expect(awsErrorProblem(ok)).toBeUndefined();
  });

  it.each([
    ['a 5xx', { ...ok, status: 500, body: '{"__type":"KMSInternalException","message":"x"}' }],
    ['a 200', { ...ok, status: 200, body: '{}' }],
    ['a status that does not match the code', { ...ok, status: 404 }],
    ['a body that is not JSON', { ...ok, body: 'Bad Request' }],
    ['an unknown __type', { ...ok, body: '{"__type":"SomethingException"}' }],
    ['a namespaced __type', { ...ok, body: '{"__type":"com.amazonaws.kms#NotFoundException","message":"x"}' }],
    ['a non-string message', { ...ok, body: '{"__type":"NotFoundException","message":1}' }],
    ['NotFoundException without a message', { ...ok, body: '{"__type":"NotFoundException"}' }],
    ['extra members', { ...ok, body: '{"__type":"NotFoundException","message":"x","stack":"at ..."}' }],
    ['no request id', { ...ok, headers: { 'content-type': JSON_TYPE } }],
    ['another content type', { ...ok, headers: { ...ok.headers, 'content-type': 'application/json' } }],
  ])('%s is flagged', (_label, res) => {
    expect(awsErrorProblem(res as typeof ok)).toBeDefined();
  });

  it('the leak scanner finds the canary raw, in base64 (any alignment of a canary-led value), hex and base64url', () => {
    const s = new LeakScanner();
    const value = Buffer.concat([Buffer.from(CANARY, 'latin1'), Buffer.from([0xfb, 0xff, 0xfe, 1, 2, 3])]);
    for (const text of [
      `Value '${CANARY}xyz' at 'keyStorePassword'`,
      `{"message":"${value.toString('base64')}"}`,
      `{"message":"${value.toString('hex')}"}`,
      `{"message":"${value.toString('hex').toUpperCase()}"}`,
      `{"message":"${value.toString('base64url')}"}`,
    ]) {
      expect(s.find(text), text).toBeDefined();
    }
    expect(s.find('{"__type":"ValidationException","message":"1 validation error detected: Value at \'plaintext\' failed"}')).toBeUndefined();
  });

  it('the leak scanner finds key material, whole or its first 12 bytes', () => {
    const s = new LeakScanner();
    const key = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
    s.addBytes('k', key);
    expect(s.find(key.toString('base64'))).toBeDefined();
    expect(s.find(`...${key.subarray(0, 12).toString('hex')}...`)).toBeDefined();
    expect(s.find(key.subarray(0, 12).toString('base64'))).toBeDefined();
  });
});
