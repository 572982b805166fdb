/**
 * Model-driven robustness fuzzing through `Pipeline.handle` (properly signed, so every request
 * gets past SigV4): for each of the 54 operations, valid-ish bodies derived from the KMS model
 * with at least one certain mutation (wrong JSON type, missing required member, over/under
 * length, bad enum / pattern / base64, out-of-range or unrepresentable number) plus unknown
 * members, deep nesting and unicode edge cases; and bodies that are not a JSON object at all.
 *
 * Every reply must be an AWS-style 4xx error (known `__type`, JSON 1.1 content type, request
 * id) that echoes no sensitive value; afterwards the stored keys are exactly as before, old
 * ciphertexts still decrypt, and the audit log holds one line per request and no secrets.
 *
 * On a second server (quotas on), schema-valid bodies for every operation, naming real and
 * unknown keys, reach the quota stage and the handlers: they may succeed, never get a 5xx.
 *
 * Knobs: FUZZ_RUNS_PER_OP (100), FUZZ_VALID_RUNS_PER_OP (50), FUZZ_NOT_OBJECT_RUNS (300),
 * FUZZ_SEED (replay a failure with the seed fast-check prints).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../common/model/model.js';
import { badCiphertext, inputShapeOf, mutatedBody, notAnObjectBody, unknownKeyRef, validish, type KeyRefs, type Pools } from './arbitraries.js';
import {
  errorType,
  expectCleanError,
  FUZZ_SEED,
  FuzzEnv,
  JSON_TYPE,
  LeakScanner,
  readAudit,
  signedRequest,
  toJson,
  type Reply,
  type Seed,
} from './fuzz-kit.js';
import { describeAfterTheRun, openSeededEnv, snapshotsOf } from './fuzz-baseline.js';

const RUNS_PER_OP = Number(process.env.FUZZ_RUNS_PER_OP ?? 100);
const VALID_RUNS_PER_OP = Number(process.env.FUZZ_VALID_RUNS_PER_OP ?? 50);
const NOT_OBJECT_RUNS = Number(process.env.FUZZ_NOT_OBJECT_RUNS ?? 300);

let env: FuzzEnv;
let seed: Seed;
let pools: Pools;
const scanner = new LeakScanner();
let storeBefore: unknown;
let apiBefore: unknown;
let requests = 0;

beforeAll(async () => {
  let refs: KeyRefs;
  ({ env, seed, refs } = await openSeededEnv(scanner));
  // Valid-ish bodies name real keys too: a certain validation error must stop them before any handler.
  pools = {
    keyRef: fc.oneof(fc.constantFrom(...seed.realRefs), fc.uuid()),
    badCiphertext: badCiphertext(refs),
  };
  ({ storeBefore, apiBefore } = await snapshotsOf(env, seed));
});

afterAll(async () => {
  await env?.close();
  env?.remove();
});

function checkReply(op: string, label: string, body: string | Buffer, r: Reply): void {
  requests++;
  expectCleanError(scanner, `${op}: ${label}`, body, r);
}

const params = (numRuns: number) => ({ numRuns, seed: FUZZ_SEED, endOnFailure: true });

describe('every operation: mutated model-derived bodies get an AWS-style 4xx error', () => {
  it.each(OPERATION_NAMES.map((op) => [op]))('%s', async (op) => {
    await fc.assert(
      fc.asyncProperty(mutatedBody(op as OperationName, pools), async (c) => {
        const r = await env.handle(await signedRequest(`TrentService.${op}`, c.body));
        checkReply(op, c.labels.join('; '), c.body, r);
        // A wrong JSON type is a SerializationException, whatever else is wrong.
        if (c.labels.every((l) => l.startsWith('wrong JSON type'))) {
          expect.soft(errorType(r), `${op} ${c.labels.join('; ')} ${c.body.slice(0, 200)}`).toBe('SerializationException');
        }
      }),
      params(RUNS_PER_OP),
    );
  });
});

describe('bodies that are not a JSON object', () => {
  it('get SerializationException for every operation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATION_NAMES), notAnObjectBody, async (op, c) => {
        const r = await env.handle(await signedRequest(`TrentService.${op}`, c.body));
        checkReply(op, c.label, c.body, r);
        if (errorType(r) !== 'SerializationException') {
          throw new Error(`${op} [${c.label}]: want SerializationException, got ${r.status} ${r.body.slice(0, 300)}`);
        }
      }),
      params(NOT_OBJECT_RUNS),
    );
  });

  it('an empty body is the empty structure (ValidationException where members are required)', async () => {
    for (const op of ['Encrypt', 'DescribeKey', 'CreateAlias', 'ScheduleKeyDeletion', 'ReEncrypt', 'GenerateMac'] as const) {
      const r = await env.handle(await signedRequest(`TrentService.${op}`, ''));
      checkReply(op, 'empty body', '', r);
      expect(errorType(r)).toBe('ValidationException');
    }
  });
});

describe('schema-valid requests for every operation (a separate server, quotas on, state may change)', () => {
  // Valid-ish bodies are ~95% schema-valid, so these reach the quota stage and the handlers with
  // real and unknown keys, odd unicode, edge-of-range numbers. They may succeed; they must never
  // get a 5xx, a malformed reply or a leak.
  let chaos: FuzzEnv;
  const chaosScanner = new LeakScanner();
  let chaosPools: Pools;

  beforeAll(async () => {
    const s = await openSeededEnv(chaosScanner, { prefix: 'kmsbench-fuzz-valid-', quotas: true });
    chaos = s.env;
    chaosPools = { keyRef: fc.oneof(fc.constantFrom(...s.seed.realRefs), unknownKeyRef(s.refs)), badCiphertext: badCiphertext(s.refs) };
  });

  afterAll(async () => {
    await chaos?.close();
    chaos?.remove();
  });

  it.each(OPERATION_NAMES.map((op) => [op]))('%s', async (op) => {
    await fc.assert(
      fc.asyncProperty(validish(inputShapeOf(op as OperationName), chaosPools).map(toJson), async (body) => {
        const r = await chaos.handle(await signedRequest(`TrentService.${op}`, body));
        if (r.status === 200) {
          const ok = r.headers['content-type'] === JSON_TYPE && typeof r.json === 'object' && r.json !== null && !Array.isArray(r.json);
          if (!ok || !r.headers['x-amzn-requestid']) throw new Error(`${op}: malformed success reply ${r.body.slice(0, 300)}`);
          const leak = chaosScanner.find(r.body);
          if (leak) throw new Error(`${op}: success reply leaks ${leak}\n  request: ${body.slice(0, 300)}`);
        } else {
          expectCleanError(chaosScanner, `${op} (valid-ish)`, body, r);
        }
      }),
      params(VALID_RUNS_PER_OP),
    );
  });

  it('its audit log is valid JSON lines without plaintext or key material', async () => {
    await chaos.close();
    const audit = readAudit(chaos.auditPath());
    expect(audit.bad).toEqual([]);
    expect(chaosScanner.find(audit.text)).toBeUndefined();
  });
});

describeAfterTheRun(
  () => ({ env, seed, scanner, storeBefore, apiBefore }),
  () => expect(requests).toBeGreaterThan(OPERATION_NAMES.length * Math.min(RUNS_PER_OP, 10)),
);
