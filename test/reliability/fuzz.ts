/**
 * Protocol fuzzing at scale against `kmsbench serve --workers 2` over real sockets:
 *
 * - model-driven bodies for every operation (test/fuzz/arbitraries.ts): mutated bodies naming
 *   protected keys (each certainly invalid), valid-ish bodies naming sacrificial keys, bodies
 *   that are not JSON objects — all properly signed;
 * - signature tampering (the `tampers` of test/fuzz/arbitraries.ts) applied to signed requests;
 * - raw HTTP abuse (raw-abuse.ts) on fresh connections;
 * - slow clients held open the whole time (slow-clients.ts).
 *
 * Under all of it: never a 5xx (the protocol's 501/505 are counted apart), never a dropped
 * connection on a well-formed request, no crash (workers or primary), the canary and the master
 * key appear in no reply, log line or audit line, the protected keys are unchanged and their
 * old ciphertexts decrypt, and the server's RSS is measured before and after.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { OPERATION_NAMES } from '../../common/model/model.js';
import { send } from '../../harness/client/raw-client.js';
import { signJsonRequest } from '../../harness/client/sign.js';
import { processGroupMembers, startServe, tempDir, type ServerProcess } from '../e2e/harness.js';
import { badCiphertext, mutatedBody, notAnObjectBody, tampers, validish, inputShapeOf, type Pools } from '../fuzz/arbitraries.js';
import { CANARY, LeakScanner } from '../fuzz/fuzz-kit.js';
import { abuseCases } from './raw-abuse.js';
import { exchange, requestBytes } from './raw-http.js';
import { runSlowClients, type SlowResult } from './slow-clients.js';
import { Kms, REGION, ROOT_CREDENTIALS, rssOf, sleep } from './support.js';

export interface FuzzOptions {
  /** Requests to generate in all (split over the kinds below). */
  requests: number;
  concurrency: number;
  seed: number;
  slow: { perKind: number; holdMs: number; gapMs: number };
  /** Extra `kmsbench serve` arguments. */
  serverArgs?: string[];
  log?: (line: string) => void;
}

export interface FuzzResult {
  requestsFuzzed: number;
  byKind: Record<string, number>;
  /** 5xx replies other than the protocol's 501/505, with what caused them. */
  serverErrors: string[];
  protocol5xx: Record<string, number>;
  /** Signed, well-formed requests that got no reply (connection dropped / timed out). */
  dropped: string[];
  malformedReplies: string[];
  /** Mutated (certainly invalid) bodies that were accepted with 200. */
  acceptedInvalid: string[];
  crashes: string[];
  leaks: string[];
  protectedChanged: boolean;
  knownBlobsFailing: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  slow: SlowResult;
  livenessFailures: number;
}

const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;

async function groupRss(server: ServerProcess): Promise<number> {
  const pids = processGroupMembers(server.pid) ?? [server.pid];
  let sum = 0;
  for (const p of pids) sum += (await rssOf(p)) ?? 0;
  return sum;
}

/** Runs `jobs` with at most `n` at once. */
async function pool<T>(items: readonly T[], n: number, job: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => { while (i < items.length) await job(items[i++]!); }));
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzResult> {
  const log = o.log ?? (() => {});
  const dataDir = join(tempDir('kmsbench-fuzz-scale-'), 'data');
  const server = await startServe({ dataDir, workers: 2, extraArgs: ['--no-quotas', ...(o.serverArgs ?? [])], timeoutMs: 30_000 });
  const kms = new Kms(server.url);
  const res: FuzzResult = {
    requestsFuzzed: 0, byKind: {}, serverErrors: [], protocol5xx: {}, dropped: [], malformedReplies: [], acceptedInvalid: [], crashes: [], leaks: [],
    protectedChanged: false, knownBlobsFailing: 0, rssBeforeMiB: 0, rssAfterMiB: 0, slow: { opened: 0, closedByServer: {}, holdMs: 0, probes: [], connectErrors: 0 }, livenessFailures: 0,
  };
  const scanner = new LeakScanner();
  try {
    // Protected keys (their state must not change) and sacrificial ones (valid requests may change them).
    const create = async (body: object) => (await kms.ok<{ KeyMetadata: { KeyId: string; Arn: string } }>('CreateKey', body)).KeyMetadata;
    const protectedKeys = [await create({ Description: 'protected', Tags: [{ TagKey: 'p', TagValue: '1' }] }), await create({ Description: 'protected 2' })];
    await kms.ok('CreateAlias', { AliasName: 'alias/protected', TargetKeyId: protectedKeys[0]!.KeyId });
    await kms.ok('EnableKeyRotation', { KeyId: protectedKeys[1]!.KeyId, RotationPeriodInDays: 100 });
    const liveKey = await create({ Description: 'liveness probe' });
    const sacrificial = [await create({ Description: 'sacrificial' }), await create({ Description: 'sacrificial 2' })];
    await kms.ok('CreateAlias', { AliasName: 'alias/sacrificial', TargetKeyId: sacrificial[0]!.KeyId });
    const known: Array<{ blob: Buffer; plaintext: string; keyId: string; context: Record<string, string> }> = [];
    for (const k of protectedKeys) {
      const plaintext = Buffer.from(`${CANARY} protected plaintext ${k.KeyId}`, 'latin1').toString('base64');
      const blob = Buffer.from((await kms.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: k.KeyId, Plaintext: plaintext, EncryptionContext: { p: '1' } })).CiphertextBlob, 'base64');
      known.push({ blob, plaintext, keyId: k.KeyId, context: { p: '1' } });
    }
    const dk = await kms.ok<{ Plaintext: string }>('GenerateDataKey', { KeyId: protectedKeys[0]!.KeyId, KeySpec: 'AES_256' });
    scanner.addBytes('data key', Buffer.from(dk.Plaintext, 'base64'));
    scanner.addBytes('master key', readFileSync(join(dataDir, 'master.key')));
    const protectedRefs = [...protectedKeys.flatMap((k) => [k.KeyId, k.Arn]), 'alias/protected', `arn:aws:kms:${REGION}:111122223333:alias/protected`];
    const sacrificialRefs = [...sacrificial.flatMap((k) => [k.KeyId, k.Arn]), 'alias/sacrificial'];
    const refs = { realKeyIds: protectedKeys.map((k) => k.KeyId), realRefs: protectedRefs, blobs: known.map((k) => ({ blob: k.blob, context: k.context, keyId: k.keyId })) };
    const protectedPools: Pools = { keyRef: fc.oneof(fc.constantFrom(...protectedRefs), fc.uuid()), badCiphertext: badCiphertext(refs) };
    const sacrificialPools: Pools = { keyRef: fc.oneof(fc.constantFrom(...sacrificialRefs), fc.uuid()), badCiphertext: badCiphertext(refs) };
    const snapshot = async () =>
      JSON.stringify(await Promise.all(protectedKeys.flatMap((k) => ['DescribeKey', 'ListResourceTags', 'GetKeyPolicy', 'GetKeyRotationStatus', 'ListAliases', 'ListKeyRotations'].map((op) => kms.ok(op, op === 'GetKeyPolicy' ? { KeyId: k.KeyId, PolicyName: 'default' } : { KeyId: k.KeyId })))));
    const before = await snapshot();
    // Warm up, then measure.
    await pool(Array.from({ length: 300 }), 8, async () => void (await kms.ok('Encrypt', { KeyId: sacrificial[0]!.KeyId, Plaintext: 'd2FybQ==' })));
    await sleep(500);
    const rssBefore = await groupRss(server);

    const count = (kind: string) => {
      res.requestsFuzzed++;
      res.byKind[kind] = (res.byKind[kind] ?? 0) + 1;
    };
    const judge = (kind: string, label: string, status: number, text: string) => {
      if (status >= 500) {
        if (status === 501 || status === 505) res.protocol5xx[status] = (res.protocol5xx[status] ?? 0) + 1;
        else if (res.serverErrors.length < 50) res.serverErrors.push(`${kind} ${label}: ${status} ${text.slice(0, 120)}`);
      }
      const leak = scanner.find(text);
      if (leak && res.leaks.length < 50) res.leaks.push(`reply to ${kind} ${label}: ${leak}`);
    };
    const signedSend = async (kind: string, label: string, op: string, body: string | Buffer, mustFail: boolean) => {
      const s = await signJsonRequest({ endpoint: server.url, region: REGION, credentials: ROOT_CREDENTIALS, target: `TrentService.${op}`, body });
      count(kind);
      try {
        const r = await send(s.url, s, 10_000);
        judge(kind, `${op} ${label}`, r.status, r.text);
        if (mustFail && r.status === 200 && res.acceptedInvalid.length < 50) res.acceptedInvalid.push(`${op} ${label}: ${String(body).slice(0, 160)}`);
      } catch (e) {
        if (res.dropped.length < 50) res.dropped.push(`${kind} ${op} ${label}: ${(e as Error).message}`);
      }
    };
    const liveness = async () => {
      const t = performance.now();
      const r = await kms.attempt('Encrypt', { KeyId: liveKey.KeyId, Plaintext: 'bGl2ZQ==' }, { timeoutMs: 10_000 });
      if (r.reply?.status !== 200) res.livenessFailures++;
      return performance.now() - t;
    };

    const slowRun = runSlowClients({ port: server.port, ...o.slow, probe: liveness });
    const ops = OPERATION_NAMES;
    const share = { mutated: 0.36, validish: 0.14, notObject: 0.05, tamper: 0.3, raw: 0.15 };
    const perOp = (f: number) => Math.max(1, Math.floor((o.requests * f) / ops.length));
    let seed = o.seed;
    for (const [i, op] of ops.entries()) {
      const mutated = fc.sample(mutatedBody(op, protectedPools), { numRuns: perOp(share.mutated), seed: seed++ });
      await pool(mutated, o.concurrency, (c) => signedSend('model (mutated)', c.labels.join('; '), op, c.body, true));
      const valid = fc.sample(validish(inputShapeOf(op), sacrificialPools), { numRuns: perOp(share.validish), seed: seed++ });
      await pool(valid, o.concurrency, (b) => signedSend('model (valid-ish)', 'valid-ish', op, JSON.stringify(b) ?? '{}', false));
      if (i % 10 === 9) log(`fuzz: ${i + 1}/${ops.length} operations, ${res.requestsFuzzed} requests`);
    }
    const notObject = fc.sample(notAnObjectBody, { numRuns: Math.floor(o.requests * share.notObject), seed: seed++ });
    await pool(notObject, o.concurrency, (c) => signedSend('not an object', c.label, 'Encrypt', c.body, true));

    // Signature tampering: a signed request, spoiled one way, sent as raw bytes.
    const tamperList = fc.sample(tampers, { numRuns: Math.floor(o.requests * share.tamper), seed: seed++ });
    const encryptBody = JSON.stringify({ KeyId: protectedKeys[0]!.KeyId, Plaintext: Buffer.from(`${CANARY} tamper`).toString('base64') });
    const signedBase = await signJsonRequest({ endpoint: server.url, region: REGION, credentials: ROOT_CREDENTIALS, target: 'TrentService.Encrypt', body: encryptBody });
    const baseHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(signedBase.headers)) baseHeaders[k.toLowerCase()] = v;
    await pool(tamperList, o.concurrency, async (t) => {
      const raw = t.apply({ method: 'POST', url: '/', headers: { ...baseHeaders }, body: Buffer.from(encryptBody), remoteAddress: '127.0.0.1' });
      count('signature tamper');
      const bytes = requestBytes({ method: raw.method, url: raw.url, headers: Object.entries(raw.headers).map(([k, v]) => [k, String(v)] as [string, string]) }, raw.body);
      const ex = await exchange(server.port, { pieces: [bytes], head: raw.method === 'HEAD' }, 5000);
      // HTTP trims header values: a tamper that only added whitespace is no tamper on the wire.
      const same =
        raw.method === 'POST' && raw.url === '/' && raw.body.equals(Buffer.from(encryptBody)) &&
        Object.keys(raw.headers).length === Object.keys(baseHeaders).length &&
        Object.entries(raw.headers).every(([k, v]) => String(v).trim() === baseHeaders[k]);
      if (ex.malformed && res.malformedReplies.length < 50) res.malformedReplies.push(`tamper ${t.label}: ${ex.malformed}`);
      const r = ex.replies.find((x) => x.status >= 200);
      if (!r && res.dropped.length < 50) res.dropped.push(`tamper ${t.label}: no reply`);
      if (r) {
        judge('signature tamper', t.label, r.status, r.body?.toString('utf8') ?? '');
        if (r.status === 200 && !same && res.acceptedInvalid.length < 50) res.acceptedInvalid.push(`tamper ${t.label} accepted`);
      }
    });
    log(`fuzz: signature tampers done, ${res.requestsFuzzed} requests`);

    // Raw HTTP abuse on fresh connections.
    const abuse = fc.sample(abuseCases({ headers: baseHeaders, body: encryptBody }), { numRuns: Math.floor(o.requests * share.raw), seed: seed++ });
    await pool(abuse, Math.min(o.concurrency, 16), async (c) => {
      c.script.head = c.label === 'method HEAD';
      const ex = await exchange(server.port, c.script, 3000);
      count('raw http');
      if (ex.connectError && res.dropped.length < 50) res.dropped.push(`raw ${c.label}: connect ${ex.connectError}`);
      if (ex.malformed && res.malformedReplies.length < 50) res.malformedReplies.push(`raw ${c.label}: ${ex.malformed}`);
      for (const r of ex.replies) judge('raw http', c.label, r.status, r.body?.toString('utf8') ?? '');
    });
    log(`fuzz: raw HTTP abuse done, ${res.requestsFuzzed} requests`);
    if ((await liveness()) > 10_000 || res.livenessFailures > 0) log('fuzz: liveness probe failed');

    res.slow = await slowRun;
    await sleep(2000);
    res.rssBeforeMiB = mib(rssBefore);
    res.rssAfterMiB = mib(await groupRss(server));
    res.protectedChanged = (await snapshot()) !== before;
    for (const k of known) {
      const r = await kms.call('Decrypt', { CiphertextBlob: k.blob.toString('base64'), EncryptionContext: k.context });
      if (r.status !== 200 || (r.json as { Plaintext?: string }).Plaintext !== k.plaintext) res.knownBlobsFailing++;
    }
  } finally {
    if (server.exit) res.crashes.push(`server exited (${server.exit.signal ?? server.exit.code})`);
    for (const line of server.stderr.split('\n')) if (/exited|uncaught|FATAL|heap out of memory/i.test(line)) res.crashes.push(line.slice(0, 200));
    await server.destroy();
    const logs = [server.stdout, server.stderr];
    for (const [i, text] of logs.entries()) {
      const leak = scanner.find(text);
      if (leak) res.leaks.push(`server ${i === 0 ? 'stdout' : 'stderr'}: ${leak}`);
    }
    try {
      const audit = readFileSync(join(dataDir, 'audit.log'), 'utf8');
      const leak = scanner.find(audit);
      if (leak) res.leaks.push(`audit.log: ${leak}`);
    } catch {
      res.leaks.push('audit.log unreadable');
    }
  }
  return res;
}
