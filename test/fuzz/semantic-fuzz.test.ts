/**
 * Semantic robustness fuzzing through `Pipeline.handle`: requests that are well-formed but name
 * keys that do not exist (every id form), carry ciphertexts that must not decrypt (garbage,
 * truncated, bit-flipped, extended real blobs; right blob with the wrong context, wrong key or a
 * key in the wrong state), or whose signature was tampered with in any way.
 *
 * Each must get the specific AWS error, echo no plaintext, and change nothing: afterwards the
 * store is byte-for-byte as before, old ciphertexts still decrypt, and the audit log has a line
 * per request and no secrets. The KmsBench control plane (clock, metrics) is fuzzed on a server
 * of its own. Known, unfixed bugs are `it.fails` cases named KNOWN BUG.
 *
 * Knobs: FUZZ_RUNS (300 per property), FUZZ_CONTROL_RUNS (150), FUZZ_SEED.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ERRORS, canaryBytes, ciphertextCases, edgeString, tampers, unknownAliasName, unknownKeyRef, type KeyRefs } from './arbitraries.js';
import {
  ACCOUNT,
  CANARY,
  CREDENTIALS,
  errorType,
  expectCleanError,
  FUZZ_SEED,
  FuzzEnv,
  LeakScanner,
  REGION,
  signedRequest,
  RawJson,
  toJson,
  type Reply,
  type Seed,
} from './fuzz-kit.js';
import { describeAfterTheRun, openSeededEnv, snapshotsOf } from './fuzz-baseline.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const CONTROL_RUNS = Number(process.env.FUZZ_CONTROL_RUNS ?? 150);
const params = (numRuns = RUNS) => ({ numRuns, seed: FUZZ_SEED, endOnFailure: true });

let env: FuzzEnv;
let seed: Seed;
let refs: KeyRefs;
const scanner = new LeakScanner();
let storeBefore: unknown;
let apiBefore: unknown;

beforeAll(async () => {
  ({ env, seed, refs } = await openSeededEnv(scanner));
  ({ storeBefore, apiBefore } = await snapshotsOf(env, seed));
});

afterAll(async () => {
  await env?.close();
  env?.remove();
});

const check = (label: string, body: string | Buffer, r: Reply, allowed: readonly string[]) => expectCleanError(scanner, label, body, r, allowed);

const b64 = (b: Buffer) => b.toString('base64');
const plaintext = canaryBytes(12, 4096).map(b64);
const ALIAS_FORM = /^(alias\/|arn:[^:]*:kms:[^:]*:[^:]*:alias\/)/;

// ---- unknown keys ------------------------------------------------------------------------------

describe('keys that do not exist, in every form', () => {
  /** Minimal bodies, valid except for the key reference, for every implemented key operation. */
  function bodies(k: string): Record<string, fc.Arbitrary<object>> {
    const enabledBlob = seed.known.find((b) => b.expect === 'ok' && b.context !== undefined)!;
    const ctx = enabledBlob.context!;
    return {
      CancelKeyDeletion: fc.constant({ KeyId: k }),
      DescribeKey: fc.constant({ KeyId: k }),
      DisableKey: fc.constant({ KeyId: k }),
      EnableKey: fc.constant({ KeyId: k }),
      DisableKeyRotation: fc.constant({ KeyId: k }),
      EnableKeyRotation: fc.option(fc.integer({ min: 90, max: 2560 }), { nil: undefined }).map((p) => ({ KeyId: k, RotationPeriodInDays: p })),
      GetKeyRotationStatus: fc.constant({ KeyId: k }),
      ListKeyPolicies: fc.constant({ KeyId: k }),
      ListKeyRotations: fc.constant({ KeyId: k }),
      ListResourceTags: fc.constant({ KeyId: k }),
      RotateKeyOnDemand: fc.constant({ KeyId: k }),
      GetKeyPolicy: fc.constantFrom({ KeyId: k }, { KeyId: k, PolicyName: 'default' }),
      PutKeyPolicy: fc.constant({ KeyId: k, Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }) }),
      ScheduleKeyDeletion: fc.option(fc.integer({ min: 7, max: 30 }), { nil: undefined }).map((d) => ({ KeyId: k, PendingWindowInDays: d })),
      TagResource: fc.constant({ KeyId: k, Tags: [{ TagKey: 'k', TagValue: 'v' }] }),
      UntagResource: fc.constant({ KeyId: k, TagKeys: ['team'] }),
      UpdateKeyDescription: edgeString(0, 40).map((d) => ({ KeyId: k, Description: d })),
      Encrypt: fc.record({ Plaintext: plaintext, EncryptionContext: fc.option(fc.dictionary(edgeString(0, 8), edgeString(0, 8)), { nil: undefined }) }).map((b) => ({ KeyId: k, ...b })),
      GenerateDataKey: fc.constantFrom({ KeyId: k, KeySpec: 'AES_256' }, { KeyId: k, NumberOfBytes: 64 }),
      GenerateDataKeyWithoutPlaintext: fc.constantFrom({ KeyId: k, KeySpec: 'AES_128' }, { KeyId: k, NumberOfBytes: 1 }),
      CreateAlias: unknownAliasName.map((a) => ({ AliasName: a, TargetKeyId: k })),
      UpdateAlias: fc.constantFrom(...seed.aliases).map((a) => ({ AliasName: a, TargetKeyId: k })),
      ListAliases: fc.constant({ KeyId: k }),
      // An intact blob with the right context: only the named key is wrong.
      Decrypt: fc.constant({ CiphertextBlob: b64(enabledBlob.blob), EncryptionContext: ctx, KeyId: k }),
      ReEncrypt: fc.constant({ CiphertextBlob: b64(enabledBlob.blob), SourceEncryptionContext: ctx, DestinationKeyId: k }),
    };
  }

  it('get NotFoundException (alias targets: ValidationException), and change nothing', async () => {
    const arb = unknownKeyRef(refs).chain((k) => {
      const all = bodies(k);
      return fc.constantFrom(...Object.keys(all)).chain((op) => all[op]!.map((body) => ({ op, k, body })));
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ op, k, body }) => {
        const text = toJson(body);
        const r = await env.call(op, text);
        const allowed = ['NotFoundException'];
        if ((op === 'CreateAlias' || op === 'UpdateAlias') && ALIAS_FORM.test(k)) allowed.push('ValidationException');
        if (op === 'Decrypt') allowed.push('IncorrectKeyException'); // the id exists elsewhere, just not this blob's key
        check(`${op} ${JSON.stringify(k).slice(0, 80)}`, text, r, allowed);
      }),
      params(),
    );
  });

  it('the reply names the key the way AWS does (ARN built from the caller, alias ARN for aliases)', async () => {
    const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const r1 = await env.call('DescribeKey', { KeyId: id });
    expect(r1.json).toEqual({ __type: 'NotFoundException', message: `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}' does not exist` });
    const r2 = await env.call('DescribeKey', { KeyId: 'alias/zz-nope' });
    expect(r2.json).toEqual({ __type: 'NotFoundException', message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/zz-nope is not found.` });
  });
});

// ---- other semantic errors without keys -----------------------------------------------------

/** A marker outside the model's pattern is a ValidationException; any other unknown one InvalidMarker. */
const markerErrors = (m: string) => (/^[\u0020-\u00FF]*$/.test(m) ? ['InvalidMarkerException'] : ['ValidationException']);

describe('semantic errors that need no key', () => {
  it('bad markers, missing NumberOfBytes, unknown aliases, unusable policies are 4xx and create nothing', async () => {
    const marker = fc.oneof(edgeString(1, 60), fc.base64String({ minLength: 4, maxLength: 200 }), fc.constantFrom('a2Btc2JlbmNoLnYxOg', 'kmsbench.v1:zzz'));
    const cases: fc.Arbitrary<{ op: string; body: object; allowed: readonly string[] }> = fc.oneof(
      marker.map((m) => ({ op: 'ListKeys', body: { Marker: m }, allowed: markerErrors(m) })),
      marker.map((m) => ({ op: 'ListAliases', body: { Marker: m }, allowed: markerErrors(m) })),
      marker.map((m) => ({ op: 'ListResourceTags', body: { KeyId: seed.keys.enabled, Marker: m }, allowed: markerErrors(m) })),
      marker.map((m) => ({ op: 'ListKeyRotations', body: { KeyId: seed.keys.rotated, Marker: m }, allowed: markerErrors(m) })),
      fc.constantFrom({}, { CustomKeyStoreId: 'cks-1234567890abcdef0' }).map((b) => ({ op: 'GenerateRandom', body: b, allowed: ['ValidationException'] })),
      unknownAliasName.map((a) => ({ op: 'DeleteAlias', body: { AliasName: a }, allowed: ['NotFoundException'] })),
      fc.constantFrom('alias/aws/s3', 'alias/aws/zz', 'alias/aws/').map((a) => ({ op: 'DeleteAlias', body: { AliasName: a }, allowed: ['InvalidAliasNameException', 'ValidationException'] })),
      fc.constantFrom(...seed.aliases).map((a) => ({ op: 'CreateAlias', body: { AliasName: a, TargetKeyId: seed.keys.enabled }, allowed: ['AlreadyExistsException'] })),
      fc
        .oneof(
          fc.constantFrom('not json', '{', '[]', '{}', '{"Statement":[]}', '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt"}]}', '{"Version":"2099-01-01","Statement":{}}'),
          fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
          fc.constant(`{"Statement":[${'{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt"},'.repeat(600)}{}]}`),
        )
        .chain((policy) =>
          fc.constantFrom(
            { op: 'CreateKey', body: { Policy: policy }, allowed: ['MalformedPolicyDocumentException', 'LimitExceededException'] },
            { op: 'PutKeyPolicy', body: { KeyId: seed.keys.custom, Policy: policy }, allowed: ['MalformedPolicyDocumentException', 'LimitExceededException'] },
          ),
        ),
      fc
        .constantFrom(
          { KeySpec: 'RSA_2048' },
          { KeySpec: 'HMAC_256', KeyUsage: 'SIGN_VERIFY' },
          { KeySpec: 'ML_DSA_44', KeyUsage: 'SIGN_VERIFY' },
          { KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' },
          { KeyUsage: 'SIGN_VERIFY' },
          { Origin: 'AWS_CLOUDHSM' },
          { CustomKeyStoreId: 'cks-1234567890abcdef0' },
          { MultiRegion: true, Origin: 'AWS_CLOUDHSM' }, // multi-Region keys exist now; not in a custom key store without its id
          { Tags: [{ TagKey: 'aws:reserved', TagValue: 'x' }] },
          { Tags: [{ TagKey: 'dup', TagValue: 'x' }, { TagKey: 'dup', TagValue: 'y' }] },
          { Tags: Array.from({ length: 51 }, (_, i) => ({ TagKey: `t${i}`, TagValue: '' })) },
        )
        .map((b) => ({
          op: 'CreateKey',
          body: b,
          allowed: ['UnsupportedOperationException', 'ValidationException', 'CustomKeyStoreNotFoundException', 'TagException'],
        })),
      fc
        .constantFrom(
          { KeyId: seed.keys.enabled, PendingWindowInDays: 6 },
          { KeyId: seed.keys.enabled, PendingWindowInDays: 31 },
          { KeyId: seed.keys.pending, PendingWindowInDays: 7 },
        )
        .map((b) => ({ op: 'ScheduleKeyDeletion', body: b, allowed: ['ValidationException', 'KMSInvalidStateException'] })),
      fc.constantFrom(seed.keys.enabled, seed.keys.custom).map((k) => ({ op: 'CancelKeyDeletion', body: { KeyId: k }, allowed: ['KMSInvalidStateException'] })),
      fc
        .constantFrom('EnableKey', 'DisableKey', 'UpdateKeyDescription', 'TagResource', 'PutKeyPolicy', 'EnableKeyRotation', 'RotateKeyOnDemand')
        .map((op) => ({
          op,
          body: { KeyId: seed.keys.pending, Description: 'x', Tags: [{ TagKey: 'a', TagValue: 'b' }], Policy: '{}' },
          allowed: ['KMSInvalidStateException', 'MalformedPolicyDocumentException'],
        })),
      fc
        .constantFrom('Encrypt', 'GenerateDataKey', 'RotateKeyOnDemand', 'EnableKeyRotation')
        .chain((op) => plaintext.map((p) => ({ op, body: { KeyId: seed.keys.disabled, Plaintext: p, KeySpec: 'AES_256' }, allowed: ['DisabledException'] }))),
      fc
        .constantFrom({ KeySpec: 'AES_256', NumberOfBytes: 32 }, {}, { NumberOfBytes: 0 }, { NumberOfBytes: 1025 })
        .map((b) => ({ op: 'GenerateDataKey', body: { KeyId: seed.keys.enabled, ...b }, allowed: ['ValidationException'] })),
      plaintext.map((p) => ({
        op: 'Encrypt',
        body: { KeyId: seed.keys.enabled, Plaintext: p, DryRun: true },
        allowed: ['DryRunOperationException'],
      })),
      plaintext.map((p) => ({
        op: 'Encrypt',
        body: { KeyId: seed.keys.enabled, Plaintext: p, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' },
        allowed: ['InvalidKeyUsageException'],
      })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ op, body, allowed }) => {
        const text = toJson(body);
        check(op, text, await env.call(op, text), allowed);
      }),
      params(),
    );
  });
});

// ---- ciphertexts that must not decrypt ----------------------------------------------------------

describe('ciphertexts that must not decrypt', () => {
  it('Decrypt answers InvalidCiphertext / IncorrectKey / key-state errors, never plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(ciphertextCases(seed, refs), async (c) => {
        const body = toJson({ CiphertextBlob: c.blob, EncryptionContext: c.context, KeyId: c.keyId });
        const r = await env.call('Decrypt', body);
        check(`Decrypt: ${c.label}`, body, r, c.allowed);
        // AWS sends InvalidCiphertextException with no message at all.
        if (errorType(r) === 'InvalidCiphertextException') expect(r.json).toEqual({ __type: 'InvalidCiphertextException' });
      }),
      params(),
    );
  });

  it('ReEncrypt does the same, whatever the destination', async () => {
    const dest = fc.constantFrom(seed.keys.enabled, seed.keys.custom, 'alias/fuzz-custom', `arn:aws:kms:${REGION}:${ACCOUNT}:key/${seed.keys.rotated}`);
    await fc.assert(
      fc.asyncProperty(ciphertextCases(seed, refs), dest, async (c, d) => {
        const body = toJson({ CiphertextBlob: c.blob, SourceEncryptionContext: c.context, SourceKeyId: c.keyId, DestinationKeyId: d });
        check(`ReEncrypt: ${c.label}`, body, await env.call('ReEncrypt', body), c.allowed);
      }),
      params(150),
    );
  });

  it('ReEncrypt of a good blob to an unusable destination fails after decrypting, without echoing plaintext', async () => {
    const good = seed.known.filter((k) => k.expect === 'ok');
    const dest: Array<[string, string]> = [
      [seed.keys.disabled, 'DisabledException'],
      [seed.keys.pending, 'KMSInvalidStateException'],
      ['alias/fuzz-pending', 'KMSInvalidStateException'],
    ];
    for (const k of good) {
      for (const [d, want] of dest) {
        const body = toJson({ CiphertextBlob: b64(k.blob), SourceEncryptionContext: k.context, DestinationKeyId: d });
        check(`ReEncrypt to ${d}`, body, await env.call('ReEncrypt', body), [want]);
      }
    }
  });

  it('an encryption context with __proto__ / constructor keys is bound like any other', async () => {
    const k = seed.known.find((b) => b.context && Object.hasOwn(b.context, '__proto__'))!;
    for (const ctx of ['{}', '{"constructor":"y","":""}', '{"__proto__":"x","":""}', '{"__proto__":{"constructor":"y"},"":""}']) {
      const body = `{"CiphertextBlob":"${b64(k.blob)}","EncryptionContext":${ctx}}`;
      const r = await env.call('Decrypt', body);
      check(`Decrypt with context ${ctx}`, body, r, ['InvalidCiphertextException', 'SerializationException']);
    }
  });
});

// ---- signatures -------------------------------------------------------------------------------

describe('tampered, expired, foreign or missing signatures', () => {
  it('a signed Encrypt tampered with in any one way never succeeds and leaks nothing', async () => {
    await fc.assert(
      fc.asyncProperty(plaintext, tampers, async (p, t) => {
        const body = `{"KeyId":"${seed.keys.enabled}","Plaintext":"${p}"}`;
        const req = t.apply(await signedRequest('TrentService.Encrypt', body));
        const r = await env.handle(req);
        check(t.label, req.body, r, t.want ? [t.want] : AUTH_ERRORS);
      }),
      params(),
    );
  });

  it('correctly signed requests with a wrong secret or a stale/future date are refused; another Region is served there', async () => {
    const body = `{"KeyId":"${seed.keys.enabled}","Plaintext":"${b64(Buffer.from(CANARY + ' secret', 'latin1'))}"}`;
    const cases: Array<[string, Parameters<typeof signedRequest>[2], string, RegExp]> = [
      ['wrong secret', { credentials: { ...CREDENTIALS, secretAccessKey: 'not-test' } }, 'InvalidSignatureException', /^The request signature we calculated does not match/],
      ['unknown access key', { credentials: { accessKeyId: 'AKIAFUZZ', secretAccessKey: 'x' } }, 'UnrecognizedClientException', /^The security token included in the request is invalid\.$/],
      // Every Region at one endpoint: served in eu-west-1, where the us-east-1 key does not exist.
      ['region eu-west-1', { region: 'eu-west-1' }, 'NotFoundException', /^Key 'arn:aws:kms:eu-west-1:\d{12}:key\/[0-9a-f-]{36}' does not exist$/],
      ['6 minutes old', { signingDate: new Date(Date.now() - 6 * 60_000) }, 'InvalidSignatureException', /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/],
      ['6 minutes ahead', { signingDate: new Date(Date.now() + 6 * 60_000) }, 'InvalidSignatureException', /^Signature not yet current: /],
      ['a day old', { signingDate: new Date(Date.now() - 86_400_000) }, 'InvalidSignatureException', /^Signature expired/],
      ['session token the server does not know', { credentials: { ...CREDENTIALS, sessionToken: 'tok' } }, 'UnrecognizedClientException', /security token/],
    ];
    for (const [label, opts, want, message] of cases) {
      const r = await env.handle(await signedRequest('TrentService.Encrypt', body, opts));
      check(label, body, r, [want]);
      expect((r.json as { message?: string }).message, label).toMatch(message);
    }
  });
});

// ---- the control plane -----------------------------------------------------------------------

describe('the KmsBench control plane (a separate server: it moves the clock)', () => {
  it('AdvanceClock / GetClock / GetMetrics with any body never get a 5xx, and keys keep working', async () => {
    const own = await FuzzEnv.open({ prefix: 'kmsbench-fuzz-clock-' });
    try {
      const key = ((await own.ok('CreateKey', { Description: 'rotates' })).KeyMetadata as { KeyId: string }).KeyId;
      await own.ok('EnableKeyRotation', { KeyId: key, RotationPeriodInDays: 2560 });
      const seconds = fc.oneof(
        fc.double(),
        fc.integer(),
        fc.constantFrom(...[1e308, 1e16, 1e13, 3e11, -1, -0, 1e-300, 86_400].map((n) => new RawJson(String(n)))),
        fc.constantFrom('1', true, null, [], {}),
      );
      const duration = fc.oneof(
        edgeString(0, 12),
        fc.constantFrom('8d', '400d', '1.5h', '1d2h', '0', '1w', '99999999999999d', '9'.repeat(400), '-1d', '1e3s', '', ' 8d ', '8D'),
        fc.constantFrom(1, null, [], {}),
      );
      const body = fc.oneof(
        fc.record({ Seconds: seconds, Duration: duration }, { requiredKeys: [] }).map(toJson),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
        fc.constantFrom('', '{', 'null', '[]'),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('AdvanceClock', 'GetClock', 'GetMetrics'), body, async (op, text) => {
          const r = await own.handle(await signedRequest(`KmsBench.${op}`, text));
          if (r.status !== 200) expectCleanError(scanner, `KmsBench.${op}`, text, r);
          const d = await own.call('DescribeKey', { KeyId: key });
          if (d.status !== 200) throw new Error(`after KmsBench.${op} ${text.slice(0, 200)} -> ${r.status} ${r.body.slice(0, 200)}, DescribeKey got ${d.status} ${d.body.slice(0, 200)}`);
        }),
        params(CONTROL_RUNS),
      );
    } finally {
      await own.close();
      own.remove();
    }
  });
});

// ---- known bugs ---------------------------------------------------------------------------------

describe('AWS managed aliases', () => {
  // Only the predefined aliases (AWS_MANAGED_SERVICES, which ListAliases lists) get a key on first
  // use; any other alias/aws/<name> is NotFoundException ("Alias arn:aws:kms:...:alias/aws/x is not
  // found.") and creates nothing — otherwise each distinct name would add a key, unbounded.
  it('alias/aws/<not a predefined service> is NotFoundException and creates nothing', async () => {
    const own = await FuzzEnv.open({ prefix: 'kmsbench-fuzz-awsalias-' });
    try {
      for (const k of ['alias/aws/zz-not-a-service', `alias/aws/${'x'.repeat(300)}`, 'alias/aws/bad name!', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/nope`]) {
        const r = await own.call('DescribeKey', { KeyId: k });
        expect(errorType(r), `${k}: ${r.body.slice(0, 120)}`).toBe('NotFoundException');
      }
      expect(own.components.store.allKeys()).toEqual([]);
    } finally {
      await own.close();
      own.remove();
    }
  });
});

// ---- afterwards -------------------------------------------------------------------------------

describeAfterTheRun(
  () => ({ env, seed, scanner, storeBefore, apiBefore }),
  // Denied and failed calls are logged with their error code (CloudTrail-like).
  (audit) => expect(audit.lines.filter((l) => typeof l.errorCode === 'string').length).toBeGreaterThan(RUNS),
);
