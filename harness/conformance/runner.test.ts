/**
 * The runner against the embedded reference server with synthetic cases: one per kind of
 * verdict, the scheduling rules, cleanup, expectations and the record it produces.
 */
import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, EncryptCommand, GetParametersForImportCommand, ListAliasesCommand, type KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it, beforeAll } from 'vitest';
import { defineCase, type ConformanceCase } from './case.js';
import type { LoadedCase } from './case.js';
import type { Credentials } from '../client/sign.js';
import { runConformance, type RunOptions } from './runner.js';
import { withTarget, type TargetSpec } from '../target/index.js';
import { ResultsSchema, type Results } from '../results/conformance-results.js';
import { conformanceJunitXml } from '../results/junit.js';
import { summaryText } from './summary.js';

/** Opens the target (region us-east-1), runs the conformance cases against it, closes it. */
const conform = ({ target, credentials, ...options }: Omit<RunOptions, 'target'> & { target: TargetSpec; credentials?: Credentials }) =>
  withTarget(target, { region: 'us-east-1', ...(credentials ? { credentials } : {}) }, (opened) => runConformance({ ...options, target: opened }));

const doc = 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html';
const source = { kind: 'documented' as const, cite: 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html', verifiedAt: '2026-12-07' };
const loaded = (...cases: ConformanceCase[]): LoadedCase[] => cases.map((c) => ({ case: c, file: `test/${c.id}.ts` }));

/** Keys and aliases the cases saw, to check cleanup from a later case. */
const seen: { keyIds: string[]; alias?: string } = { keyIds: [] };

const CASES = loaded(
  defineCase({
    id: 'test.pass',
    title: 'round trip',
    doc,
    source,
    tags: ['semantics'],
    ops: ['CreateKey', 'Encrypt', 'CreateAlias'],
    async run(t) {
      const key = await t.createKey();
      seen.keyIds.push(key.KeyId);
      const out = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: t.bytes(16) }));
      t.check(out.CiphertextBlob instanceof Uint8Array, 'a blob');
      seen.alias = t.aliasName('x');
      await t.kms.send(new CreateAliasCommand({ AliasName: seen.alias, TargetKeyId: key.KeyId }));
      t.expectEqual(t.bytes(8, 1), t.bytes(8, 1), 'bytes are deterministic for a seed');
      t.expectEqual({ a: 1, b: undefined, $metadata: {} }, { a: 1 }, 'undefined members and $metadata do not count');
    },
  }),
  defineCase({
    id: 'test.fail-code',
    title: 'expects the wrong code',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run(t) {
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: '00000000-0000-0000-0000-000000000000' })), { code: 'KMSInvalidStateException', status: 400 });
    },
  }),
  defineCase({
    id: 'test.fail-succeeded',
    title: 'expects an error from a call that succeeds',
    doc,
    source,
    tags: ['semantics'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey();
      seen.keyIds.push(key.KeyId);
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), { code: 'NotFoundException' });
    },
  }),
  defineCase({
    id: 'test.fail-refused',
    title: 'a call the case needs is refused',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run(t) {
      await t.kms.send(new DescribeKeyCommand({ KeyId: 'alias/kmsbench-none' }));
    },
  }),
  defineCase({
    id: 'test.pass-raw',
    title: 'raw replies and messages',
    doc,
    source,
    tags: ['protocol'],
    ops: ['DescribeKey'],
    async run(t) {
      await t.expectError(t.raw('DescribeKey', '{not json'), { code: 'SerializationException', status: 400 });
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: '00000000-0000-0000-0000-000000000000' })), {
        code: 'NotFoundException',
        message: /does not exist/,
      });
    },
  }),
  defineCase({
    id: 'test.fail-message-null',
    title: 'message null means no message member',
    doc,
    source,
    tags: ['protocol'],
    ops: ['DescribeKey'],
    async run(t) {
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: '00000000-0000-0000-0000-000000000000' })), { code: 'NotFoundException', message: null });
    },
  }),
  defineCase({
    id: 'test.error-typeerror',
    title: 'a bug in case code',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run() {
      const o = undefined as unknown as { KeyMetadata: { KeyId: string } };
      void o.KeyMetadata.KeyId;
    },
  }),
  defineCase({
    id: 'test.error-timeout',
    title: 'runs out of time',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    timeoutMs: 200,
    async run(t) {
      await new Promise((_, reject) => t.signal.addEventListener('abort', () => reject(t.signal.reason)));
    },
  }),
  defineCase({
    id: 'test.error-clock-without-flag',
    title: 'advanceClock needs the flag',
    doc,
    source,
    tags: ['deletion'],
    ops: ['DescribeKey'],
    async run(t) {
      await t.advanceClock('1d');
    },
  }),
  defineCase({
    id: 'test.pass-clock',
    title: 'a clock case',
    doc,
    source,
    tags: ['deletion'],
    ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
    flags: ['needs-clock'],
    async run(t) {
      const key = await t.createKey();
      await t.raw('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 });
      await t.advanceClock('8d');
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), { code: 'NotFoundException' });
    },
  }),
  defineCase({
    id: 'test.unsupported-op',
    title: 'a prerequisite refused with UnsupportedOperationException makes the case unsupported',
    doc,
    source,
    tags: ['import'],
    ops: ['CreateKey', 'GetParametersForImport'],
    async run(t) {
      const key = await t.createKey();
      await t.given('import parameters for the key', () =>
        t.kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      );
      throw new Error('must not get here');
    },
  }),
  defineCase({
    id: 'test.blocked-assertion',
    title: 'a prerequisite that does not hold blocks the case, naming the case that tests it',
    doc,
    source,
    tags: ['key-state'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const key = await t.given(
        'CreateKey Origin=AWS_KMS gives a PendingImport key',
        async () => {
          const k = await t.createKey();
          seen.keyIds.push(k.KeyId);
          t.expectEqual(k.KeyState, 'PendingImport', 'KeyState of the new key');
          return k;
        },
        { coveredBy: 'test.the-root' },
      );
      throw new Error(`must not get here with ${key.KeyId}`);
    },
  }),
  defineCase({
    id: 'test.blocked-refused',
    title: 'a refused call in a prerequisite blocks the case',
    doc,
    source,
    tags: ['key-state'],
    ops: ['DescribeKey'],
    async run(t) {
      await t.given('an existing key to describe', () => t.kms.send(new DescribeKeyCommand({ KeyId: 'alias/kmsbench-none' })));
    },
  }),
  defineCase({
    id: 'test.blocked-state',
    title: 'requireState blocks unless DescribeKey shows the state',
    doc,
    source,
    tags: ['key-state'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const key = await t.given('a key', () => t.createKey());
      await t.requireState(key.KeyId, 'Enabled');
      await t.requireState(key.KeyId, 'Disabled');
    },
  }),
  defineCase({
    id: 'test.given-passes',
    title: 'a prerequisite that holds hands its value on; a failure after it is a fail; the profile is visible',
    doc,
    source: { ...source, since: '2024-04-12' },
    tags: ['semantics'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const key = await t.given('a key', () => t.createKey());
      t.check(t.awsAsOf === '2026-01-01', 'the case sees the profile', t.awsAsOf);
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), { code: 'NotFoundException' });
    },
  }),
  defineCase({
    id: 'test.skip-not-yet-aws',
    title: 'AWS behaves so only after the profile date',
    doc,
    source: { ...source, since: '2026-06-01' },
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run() {
      throw new Error('must not run');
    },
  }),
  defineCase({
    id: 'test.skip-explicit',
    title: 'skips itself',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run(t) {
      t.skip('not today');
    },
  }),
  defineCase({
    id: 'test.skip-real-aws-only',
    title: 'real AWS only',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    flags: ['real-aws-only'],
    async run() {
      throw new Error('must not run');
    },
  }),
  defineCase({
    id: 'test.known-failure',
    title: 'listed in the expectations as failing',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run(t) {
      t.check(false, 'this endpoint does not do it');
    },
  }),
  defineCase({
    id: 'test.newly-passing',
    title: 'listed as failing, but passes',
    doc,
    source,
    tags: ['semantics'],
    ops: ['DescribeKey'],
    async run() {},
  }),
  defineCase({
    id: 'test.zz-cleanup-happened',
    title: 'runs after the concurrent cases (destructive): their keys are scheduled for deletion, their aliases gone',
    doc,
    source,
    tags: ['deletion'],
    ops: ['DescribeKey', 'ListAliases'],
    flags: ['destructive'],
    async run(t) {
      t.check(seen.keyIds.length === 3, 'three keys were made', seen.keyIds);
      for (const KeyId of seen.keyIds) {
        // Scheduled for deletion in 7 days — and test.pass-clock moved the clock 8 days since.
        const state = await t.kms.send(new DescribeKeyCommand({ KeyId })).then(
          (d) => d.KeyMetadata?.KeyState,
          (e: Error) => e.name,
        );
        t.check(state === 'PendingDeletion' || state === 'NotFoundException', `key ${KeyId} is pending deletion or gone`, state);
      }
      const aliases = await (t.kms as KMSClient).send(new ListAliasesCommand({}));
      t.check(!aliases.Aliases?.some((a) => a.AliasName === seen.alias), 'the alias was deleted', seen.alias);
    },
  }),
);

const EXPECTATIONS = {
  target: 'test',
  cases: {
    'test.known-failure': { expect: 'fail' as const, reason: 'it never does' },
    'test.newly-passing': { expect: 'fail' as const, reason: 'used to fail' },
    'test.unsupported-op': { expect: 'unsupported' as const, reason: 'an AWS_KMS key takes no imported material' },
    'test.no-such-case': { expect: 'fail' as const, reason: 'stale entry' },
  },
};

describe('runner against the embedded server', () => {
  let results: Results;
  const byId = (id: string) => results.cases.find((c) => c.id === id)!;

  beforeAll(async () => {
    results = await conform({ target: { kind: 'embedded' }, cases: CASES, expectations: EXPECTATIONS, expectationsFile: 'test.json', concurrency: 4, awsAsOf: '2026-01-01' });
  }, 60_000);

  it('produces a record that matches the published schema', () => {
    expect(() => ResultsSchema.parse(JSON.parse(JSON.stringify(results)))).not.toThrow();
    expect(results.contractVersion).toBe('2.0');
    expect(results.profile).toEqual({ awsAsOf: '2026-01-01' });
    expect(byId('test.pass').source).toEqual(source);
    expect(results.target).toMatchObject({ kind: 'embedded', account: '111122223333', region: 'us-east-1' });
    expect(results.capabilities.established).toContain('clock-control');
    // The reference server implements every operation of the model: each one probed is supported
    // (the skip for an unsupported operation is checked in case-plan.test.ts).
    expect(Object.entries(results.capabilities.probes).filter(([k, v]) => k.startsWith('op:') && !v.supported)).toEqual([]);
  });

  it('gives each case the verdict its behaviour calls for', () => {
    const outcomes = Object.fromEntries(results.cases.map((c) => [c.id, c.outcome]));
    expect(outcomes).toEqual({
      'test.pass': 'pass',
      'test.fail-code': 'fail',
      'test.fail-succeeded': 'fail',
      'test.fail-refused': 'fail',
      'test.pass-raw': 'pass',
      'test.fail-message-null': 'fail',
      'test.error-typeerror': 'error',
      'test.error-timeout': 'error',
      'test.error-clock-without-flag': 'error',
      'test.pass-clock': 'pass',
      'test.unsupported-op': 'unsupported',
      'test.blocked-assertion': 'blocked',
      'test.blocked-refused': 'blocked',
      'test.blocked-state': 'blocked',
      'test.given-passes': 'fail',
      'test.skip-not-yet-aws': 'skip',
      'test.skip-explicit': 'skip',
      'test.skip-real-aws-only': 'skip',
      'test.known-failure': 'fail',
      'test.newly-passing': 'pass',
      'test.zz-cleanup-happened': 'pass',
    });
  });

  it('records expected vs actual for failures, and a reason for errors and skips', () => {
    expect(byId('test.fail-code').failure).toMatchObject({
      expected: { code: 'KMSInvalidStateException', status: 400 },
      actual: { code: 'NotFoundException', status: 400 },
      call: { operation: 'DescribeKey', status: 400, code: 'NotFoundException' },
    });
    expect(byId('test.fail-succeeded').reason).toMatch(/refused with NotFoundException/);
    expect(byId('test.fail-refused').reason).toMatch(/DescribeKey was refused: DescribeKey → HTTP 400 NotFoundException/);
    expect(byId('test.fail-message-null').failure?.actual).toMatchObject({ message: expect.stringContaining('does not exist') });
    expect(byId('test.error-typeerror').reason).toMatch(/^TypeError: .*runner\.test\.ts/);
    expect(byId('test.error-timeout').reason).toMatch(/timed out after 200 ms/);
    expect(byId('test.error-clock-without-flag').reason).toMatch(/needs-clock/);
    expect(byId('test.unsupported-op').reason).toMatch(/does not implement the prerequisite import parameters for the key \(GetParametersForImport → HTTP 400 UnsupportedOperationException/);
    expect(byId('test.skip-explicit').reason).toBe('not today');
    expect(byId('test.skip-not-yet-aws').reason).toBe('not yet AWS behaviour as of 2026-01-01 (since 2026-06-01)');
    expect(byId('test.given-passes').reason).toMatch(/refused with NotFoundException/);
  });

  it('records what blocked a case: the step, why, and the case whose subject it is', () => {
    expect(byId('test.blocked-assertion')).toMatchObject({
      blocked: { step: 'CreateKey Origin=AWS_KMS gives a PendingImport key', coveredBy: 'test.the-root', why: 'KeyState of the new key: expected "PendingImport", got "Enabled"' },
      reason: 'CreateKey Origin=AWS_KMS gives a PendingImport key (tested by test.the-root) — KeyState of the new key: expected "PendingImport", got "Enabled"',
      failure: { expected: 'PendingImport', actual: 'Enabled' },
    });
    expect(byId('test.blocked-refused')).toMatchObject({
      blocked: { step: 'an existing key to describe', why: expect.stringMatching(/^DescribeKey → HTTP 400 NotFoundException/) },
      failure: { expected: 'success', call: { operation: 'DescribeKey', code: 'NotFoundException' } },
    });
    expect(byId('test.blocked-state').blocked).toMatchObject({ step: expect.stringMatching(/^key [-0-9a-f]+ is Disabled$/), why: 'KeyState (DescribeKey): expected "Disabled", got "Enabled"' });
  });

  it('judges outcomes against the expectations: new failures, newly passing; stale entries reported apart', () => {
    expect(byId('test.known-failure')).toMatchObject({ asExpected: true, expected: 'fail' });
    expect(byId('test.unsupported-op').asExpected).toBe(true);
    const diffs = results.differences.map((d) => [d.id, d.expected, d.actual]);
    expect(diffs).toEqual([
      ['test.blocked-assertion', 'pass', 'blocked'],
      ['test.blocked-refused', 'pass', 'blocked'],
      ['test.blocked-state', 'pass', 'blocked'],
      ['test.error-clock-without-flag', 'pass', 'error'],
      ['test.error-timeout', 'pass', 'error'],
      ['test.error-typeerror', 'pass', 'error'],
      ['test.fail-code', 'pass', 'fail'],
      ['test.fail-message-null', 'pass', 'fail'],
      ['test.fail-refused', 'pass', 'fail'],
      ['test.fail-succeeded', 'pass', 'fail'],
      ['test.given-passes', 'pass', 'fail'],
      ['test.newly-passing', 'fail', 'pass'],
    ]);
    expect(results.staleExpectations).toEqual(['test.no-such-case']);
    expect(results.exitCode).toBe(1);
    expect(results.counts).toMatchObject({ total: 21, pass: 5, fail: 6, error: 3, skip: 3, blocked: 3, unsupported: 1, failBySource: { recorded: 0, documented: 6, inferred: 0 } });
  });

  it('writes JUnit XML with known failures as skipped and differences as failures/errors', () => {
    const xml = conformanceJunitXml(results);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<testsuite name="conformance.test" tests="21" failures="9" errors="3" skipped="5"');
    expect(xml).toMatch(/test\.known-failure[^]*?<skipped message="expected fail: it never does">/);
    expect(xml).toMatch(/test\.unsupported-op[^]*?<skipped message="expected unsupported: an AWS_KMS key takes no imported material">/);
    expect(xml).toMatch(/test\.blocked-refused[^]*?<failure message="blocked: an existing key to describe — DescribeKey → HTTP 400 NotFoundException[^"]*" type="blocked">/);
    expect(xml).toContain('<property name="source.kind" value="documented"/><property name="source.cite" value="https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html"/><property name="source.verifiedAt" value="2026-12-07"/>');
    expect(xml).toMatch(/test\.newly-passing[^]*?<failure message="passes, but the expectation file says fail/);
  });

  it('prints a summary grouped by tag', () => {
    const text = summaryText(results, '/tmp/out');
    expect(text).toMatch(/^tag\s+cases\s+pass\s+fail\s+blocked\s+unsup\s+error\s+skip\s+known\s+diff$/m);
    expect(text).toMatch(/^deletion\s+3\s+2\s+0\s+0\s+0\s+1\s+0\s+0\s+1$/m);
    expect(text).toMatch(/^all cases\s+21\s+5\s+6\s+3\s+1\s+3\s+3\s+2\s+12$/m);
    expect(text).toContain('5 pass, 6 fail, 3 blocked, 1 unsupported, 3 error, 3 skip');
    expect(text).toContain('judged as AWS behaves as of 2026-01-01');
    expect(text).toContain('differences from the expectations, on recorded or documented AWS behaviour (12)');
    expect(text).toMatch(/blocked: a prerequisite failed[^\n]*\(3\):\n  ⊘ CreateKey Origin=AWS_KMS gives a PendingImport key \(tested by test\.the-root\) — test\.blocked-assertion\n      KeyState of the new key/);
    expect(text).toContain('expectation entries naming no case (1; not differences — drop them with --update-expectations): test.no-such-case');
    expect(text).toContain('exit 1: differences from the expectations');
  });
});

describe('runner, whole-run problems', () => {
  it('reports an unreachable endpoint as a harness error', async () => {
    await expect(
      conform({ target: { kind: 'url', endpoint: 'http://127.0.0.1:9' }, cases: CASES.slice(0, 1), credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
    ).rejects.toThrow(/cannot reach the endpoint http:\/\/127\.0\.0\.1:9/);
  });

  it('exits 3 when a case module did not load, and 0 when all is as expected', async () => {
    const r = await conform({ target: { kind: 'embedded' }, cases: CASES.slice(0, 1), loadErrors: [{ file: 'x/y.ts', message: 'SyntaxError' }] });
    expect(r.cases.map((c) => c.outcome)).toEqual(['pass']);
    expect(r.exitCode).toBe(3);
    const ok = await conform({ target: { kind: 'embedded' }, cases: CASES.slice(0, 1), grep: 'ROUND TRIP' });
    expect(ok.exitCode).toBe(0);
    expect(ok.cases).toHaveLength(1);
  });
});

describe('runner, low-quota and unawaited promises', () => {
  const burst = defineCase({
    id: 'test.low-quota-throttles',
    title: 'a burst of CreateKey beyond 5/s is throttled',
    doc,
    source,
    tags: ['throttling'],
    ops: ['CreateKey'],
    needs: ['low-quota'],
    flags: ['destructive'],
    async run(t) {
      t.check(t.capabilities.has('low-quota'), 'the case runs with low-quota');
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, () => t.kms.send(new CreateKeyCommand({})).then(() => 'ok', (e: Error) => e.name)),
      );
      t.check(outcomes.includes('ThrottlingException'), 'some CreateKey calls are throttled', outcomes);
    },
  });
  const many = defineCase({
    id: 'test.many-keys-quickly',
    title: 'the concurrent phase is not throttled',
    doc,
    source,
    tags: ['semantics'],
    ops: ['CreateKey'],
    async run(t) {
      await Promise.all(Array.from({ length: 30 }, () => t.kms.send(new CreateKeyCommand({}))));
    },
  });

  it('runs low-quota cases last, on the embedded server restarted with AWS default quotas', async () => {
    const r = await conform({ target: { kind: 'embedded' }, cases: loaded(many, burst) });
    expect(r.cases.map((c) => [c.id, c.outcome, c.reason])).toEqual([
      ['test.many-keys-quickly', 'pass', undefined],
      ['test.low-quota-throttles', 'pass', undefined],
    ]);
    expect(r.capabilities.established).toContain('low-quota');
    const faulty = await conform({ target: { kind: 'embedded', faults: ['no-throttle'] }, cases: loaded(burst) });
    expect(faulty.cases[0]).toMatchObject({ outcome: 'fail', reason: expect.stringMatching(/^not so: some CreateKey calls are throttled/) });
  }, 60_000);

  it('a ThrottlingException is no verdict (error), except in throttling cases', async () => {
    const burst = (id: string, tags: ConformanceCase['tags']) =>
      defineCase({
        id,
        title: 'needs 30 keys at once',
        doc,
        source,
        tags,
        ops: ['CreateKey'],
        needs: ['low-quota'],
        async run(t) {
          await Promise.all(Array.from({ length: 30 }, () => t.kms.send(new CreateKeyCommand({}))));
        },
      });
    const r = await conform({ target: { kind: 'embedded' }, cases: loaded(burst('test.burst-semantics', ['semantics']), burst('test.burst-throttling', ['throttling'])) });
    expect(r.cases.map((c) => [c.id, c.outcome])).toEqual([
      ['test.burst-semantics', 'error'],
      ['test.burst-throttling', 'fail'],
    ]);
    expect(r.cases[0]!.reason).toMatch(/^throttled by the endpoint \(ThrottlingException\), no verdict: lower --concurrency/);
  }, 60_000);

  it('stops when interrupted: running cases end as errors, the others are skipped, the embedded server is closed', async () => {
    const hang = (id: string) =>
      defineCase({
        id,
        title: 'waits for its signal',
        doc,
        source,
        tags: ['semantics'],
        ops: ['DescribeKey'],
        async run(t) {
          await new Promise((_, reject) => t.signal.addEventListener('abort', () => reject(t.signal.reason)));
        },
      });
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(), 300);
    const r = await conform({ target: { kind: 'embedded' }, cases: loaded(hang('test.h1'), hang('test.h2')), concurrency: 1, signal: interrupt.signal });
    expect(r.cases.map((c) => [c.id, c.outcome, c.reason])).toEqual([
      ['test.h1', 'error', 'harness: the run was interrupted'],
      ['test.h2', 'skip', 'the run was interrupted'],
    ]);
    expect(r.harnessErrors).toEqual(['the run was interrupted']);
  });

  it('reports a case that leaves an assertion unawaited as a harness problem (exit 3)', async () => {
    const sloppy = defineCase({
      id: 'test.unawaited',
      title: 'forgets an await',
      doc,
      source,
      tags: ['semantics'],
      ops: ['DescribeKey'],
      async run(t) {
        void t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: '00000000-0000-0000-0000-000000000000' })), { code: 'Nope' });
      },
    });
    const r = await conform({ target: { kind: 'embedded' }, cases: loaded(sloppy) });
    expect(r.harnessErrors).toEqual([expect.stringMatching(/^unhandled rejection \(a case did not await a promise\?\): CaseFailure: DescribeKey error/)]);
    expect(r.exitCode).toBe(3);
  });
});
