/**
 * Crash safety: rounds of concurrent writes of every kind against `kmsbench serve --workers 2`,
 * `kill -9` of the whole process group at a random moment, and an immediate restart on the same
 * data directory (which must succeed on its first try). After each restart:
 *
 * - every lane's keys and aliases are its acknowledged state, or that state plus its one
 *   in-flight write applied whole (see crash-model.ts) — nothing lost, nothing half-written;
 * - `PRAGMA integrity_check` of the store is `ok`;
 * - every ciphertext acknowledged in the round (and a sample of older ones) still decrypts;
 * - every acknowledged request has its line in `audit.log` (a miss is counted and reported).
 *
 * At the end all keys are re-enabled and checked whole, every ciphertext ever acknowledged is
 * decrypted, and every key the server lists (acknowledged or not) must be complete (encrypts).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServe, tempDir, type ServerProcess } from '../e2e/harness.js';
import { judge, type Ciphertext, type KeyModel, type LaneModel, type LaneView, type Write } from './crash-model.js';
import { mulberry32 as prng } from '../../common/numeric.js';
import { ACCOUNT, Kms, pick, requestIdOf, sleep } from './support.js';

export interface CrashOptions {
  rounds: number;
  lanes: number;
  /** The kill comes at a random moment in [min, max] ms after the writes start. */
  killAfterMs: [number, number];
  fsync: boolean;
  seed: number;
  /** Stop starting rounds after this long (ms). */
  budgetMs: number;
  log?: (line: string) => void;
}

export interface CrashResult {
  mode: 'default' | 'fsync';
  rounds: number;
  restartsRefused: number;
  acknowledgedWrites: number;
  writesInFlightAtKill: number;
  inFlightCommitted: number;
  lost: number;
  lostDetails: string[];
  unexpectedReplies: string[];
  integrityFailures: number;
  ciphertextsChecked: number;
  ciphertextsFailed: number;
  acknowledgedRequests: number;
  auditLinesMissing: number;
  /** Rounds in which at least one acknowledged request had no audit line. */
  auditRoundsWithLoss: number;
  unackedKeysIncomplete: number;
}

const ACTIVE_KEYS = 4;
const policy = (sid: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] });
const keyOf = (m: LaneModel, id: string) => [...m.keys, ...m.retired].find((k) => k.id === id)!;

/** The next write of a lane: valid for the lane's acknowledged state, so any refusal is a finding. */
export function nextWrite(m: LaneModel, rand: () => number, counter: () => number): Write {
  const L = m.lane;
  if (m.keys.length === 0 || rand() < 0.08) {
    const n = m.created;
    return {
      op: 'CreateKey',
      body: { Description: `lane-${L}-key-${n}`, Tags: [{ TagKey: 'lane', TagValue: String(L) }] },
      needsReply: true,
      apply(mm, reply) {
        const meta = reply?.KeyMetadata as { KeyId: string } | undefined;
        mm.created = Math.max(mm.created, n + 1);
        if (!meta) return;
        mm.keys.push({ id: meta.KeyId, description: `lane-${L}-key-${n}`, state: 'Enabled', tags: { lane: String(L) }, rotation: false, rotations: 0 });
        if (mm.keys.length > ACTIVE_KEYS) mm.retired.push(mm.keys.shift()!);
      },
    };
  }
  const k = pick(rand, m.keys);
  const id = k.id;
  const on = (f: (key: KeyModel, mm: LaneModel) => void) => (mm: LaneModel) => f(keyOf(mm, id), mm);
  const c = counter();
  const tagWrite = (): Write => {
    const tags = { [`t${c % 5}`]: `v${c}`, [`u${c % 3}`]: `w${c}` };
    return { op: 'TagResource', body: { KeyId: id, Tags: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) }, apply: on((key) => Object.assign(key.tags, tags)) };
  };
  const untagWrite = (): Write => {
    const names = [`t${c % 5}`, `u${(c + 1) % 3}`];
    return { op: 'UntagResource', body: { KeyId: id, TagKeys: names }, apply: on((key) => names.forEach((t) => delete key.tags[t])) };
  };
  const policyWrite = (): Write => ({ op: 'PutKeyPolicy', body: { KeyId: id, PolicyName: 'default', Policy: policy(`s-${c}`) }, apply: on((key) => (key.policySid = `s-${c}`)) });
  const describeWrite = (): Write => ({ op: 'UpdateKeyDescription', body: { KeyId: id, Description: `lane-${L}-desc-${c}` }, apply: on((key) => (key.description = `lane-${L}-desc-${c}`)) });
  if (k.state === 'PendingDeletion') return { op: 'CancelKeyDeletion', body: { KeyId: id }, apply: on((key) => (key.state = 'Disabled')) };
  if (k.state === 'Disabled') {
    return pick(rand, [() => ({ op: 'EnableKey', body: { KeyId: id }, apply: on((key) => (key.state = 'Enabled')) }), tagWrite, untagWrite, policyWrite, describeWrite])();
  }
  const enabled = m.keys.filter((x) => x.state === 'Enabled');
  const aliasNames = Object.keys(m.aliases);
  const choices: Array<[number, () => Write]> = [
    [4, () => encryptWrite(id, c)],
    [2, tagWrite],
    [1, untagWrite],
    [1, policyWrite],
    [1, describeWrite],
    [1, () => { const p = 90 + (c % 900); return { op: 'EnableKeyRotation', body: { KeyId: id, RotationPeriodInDays: p }, apply: on((key) => ((key.rotation = true), (key.period = p))) }; }],
    [0.5, () => ({ op: 'DisableKeyRotation', body: { KeyId: id }, apply: on((key) => ((key.rotation = false), (key.period = undefined))) })],
    [k.rotations < 6 ? 1 : 0, () => ({ op: 'RotateKeyOnDemand', body: { KeyId: id }, apply: on((key) => key.rotations++) })],
    [0.5, () => ({ op: 'ScheduleKeyDeletion', body: { KeyId: id, PendingWindowInDays: 7 + (c % 20) }, apply: on((key) => (key.state = 'PendingDeletion')) })],
    [0.5, () => ({ op: 'DisableKey', body: { KeyId: id }, apply: on((key) => (key.state = 'Disabled')) })],
    [aliasNames.length < 6 ? 1.5 : 0, () => { const name = `alias/lane-${L}-a${c}`; return { op: 'CreateAlias', body: { AliasName: name, TargetKeyId: id }, apply: (mm: LaneModel) => void (mm.aliases[name] = id) }; }],
    [aliasNames.length > 0 && enabled.length > 1 ? 1.5 : 0, () => {
      const name = pick(rand, aliasNames);
      const target = pick(rand, enabled.filter((x) => x.id !== m.aliases[name])).id;
      return { op: 'UpdateAlias', body: { AliasName: name, TargetKeyId: target }, apply: (mm: LaneModel) => void (mm.aliases[name] = target) };
    }],
    [aliasNames.length > 0 ? 1 : 0, () => { const name = pick(rand, aliasNames); return { op: 'DeleteAlias', body: { AliasName: name }, apply: (mm: LaneModel) => void delete mm.aliases[name] }; }],
  ];
  const total = choices.reduce((s, [w]) => s + w, 0);
  let r = rand() * total;
  for (const [w, make] of choices) if ((r -= w) < 0) return make();
  return choices[0]![1]();
}

function encryptWrite(keyId: string, c: number): Write {
  const plaintext = randomBytes(48).toString('base64');
  const context = { lane: 'crash', n: String(c) };
  return {
    op: 'Encrypt',
    body: { KeyId: keyId, Plaintext: plaintext, EncryptionContext: context },
    apply(mm, reply) {
      if (typeof reply?.CiphertextBlob === 'string') mm.ciphertexts.push({ keyId, blob: reply.CiphertextBlob, plaintext, context });
    },
  };
}

interface LaneRun {
  inflight?: Write;
  ackedIds: string[];
  acked: number;
  unexpected: string[];
}

async function runLane(kms: Kms, m: LaneModel, rand: () => number, counter: () => number, stop: { now: boolean }, deadline: number): Promise<LaneRun> {
  const run: LaneRun = { ackedIds: [], acked: 0, unexpected: [] };
  while (!stop.now && Date.now() < deadline) {
    const w = nextWrite(m, rand, counter);
    const out = await kms.attempt(w.op, w.body, { timeoutMs: 10_000 });
    if (!out.reply || out.reply.status >= 500) {
      run.inflight = w; // no reply (or the server failed): the write may or may not have happened
      if (out.reply) run.unexpected.push(`${w.op}: ${out.reply.status} ${out.reply.errorCode ?? out.reply.text.slice(0, 80)}`);
      return run;
    }
    if (out.reply.status !== 200) {
      run.unexpected.push(`${w.op}: ${out.reply.errorCode} ${out.reply.errorMessage ?? ''}`.slice(0, 200));
      continue;
    }
    w.apply(m, out.reply.json as Record<string, unknown>);
    run.acked++;
    const id = requestIdOf(out.reply);
    if (id) run.ackedIds.push(id);
  }
  return run;
}

/** Everything the API says about a lane's keys (and all aliases of the lane). */
export async function readLane(kms: Kms, m: LaneModel, allAliases: Record<string, string>, includeRetired = false): Promise<LaneView> {
  const keys: LaneView['keys'] = {};
  await Promise.all(
    (includeRetired ? [...m.keys, ...m.retired] : m.keys).map(async (k) => {
      const d = await kms.call('DescribeKey', { KeyId: k.id });
      if (d.status !== 200) return; // reported as missing
      const meta = (d.json as { KeyMetadata: { Description: string; KeyState: string } }).KeyMetadata;
      const tags = await kms.ok<{ Tags: Array<{ TagKey: string; TagValue: string }> }>('ListResourceTags', { KeyId: k.id });
      const pol = await kms.ok<{ Policy: string }>('GetKeyPolicy', { KeyId: k.id, PolicyName: 'default' });
      const rot = await kms.ok<{ KeyRotationEnabled: boolean; RotationPeriodInDays?: number }>('GetKeyRotationStatus', { KeyId: k.id });
      const rots = await kms.ok<{ Rotations?: unknown[] }>('ListKeyRotations', { KeyId: k.id, Limit: 1000 });
      const sid = (JSON.parse(pol.Policy) as { Statement: Array<{ Sid?: string }> }).Statement[0]?.Sid;
      keys[k.id] = {
        description: meta.Description,
        state: meta.KeyState as KeyModel['state'],
        tags: Object.fromEntries(tags.Tags.map((t) => [t.TagKey, t.TagValue]).sort(([a], [b]) => (a! < b! ? -1 : 1))),
        policySid: sid?.startsWith('s-') ? sid : undefined,
        rotation: rot.KeyRotationEnabled,
        period: rot.KeyRotationEnabled ? rot.RotationPeriodInDays : undefined,
        rotations: rots.Rotations?.length ?? 0,
      };
    }),
  );
  const prefix = `alias/lane-${m.lane}-`;
  const aliases = Object.fromEntries(Object.entries(allAliases).filter(([n]) => n.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { keys, aliases };
}

export async function listAliases(kms: Kms): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let marker: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await kms.ok<{ Aliases: Array<{ AliasName: string; TargetKeyId?: string }>; NextMarker?: string; Truncated?: boolean }>('ListAliases', { Limit: 100, ...(marker ? { Marker: marker } : {}) });
    for (const a of r.Aliases) if (a.TargetKeyId) out[a.AliasName] = a.TargetKeyId;
    if (!r.Truncated || !r.NextMarker) break;
    marker = r.NextMarker;
  }
  return out;
}

export async function listKeys(kms: Kms): Promise<string[]> {
  const out: string[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await kms.ok<{ Keys: Array<{ KeyId: string }>; NextMarker?: string; Truncated?: boolean }>('ListKeys', { Limit: 1000, ...(marker ? { Marker: marker } : {}) });
    out.push(...r.Keys.map((k) => k.KeyId));
    if (!r.Truncated || !r.NextMarker) break;
    marker = r.NextMarker;
  }
  return out;
}

/** Decrypts `cts` (keys must be enabled); returns the failures. */
async function decryptAll(kms: Kms, cts: Ciphertext[]): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < cts.length; i += 16) {
    await Promise.all(
      cts.slice(i, i + 16).map(async (c) => {
        const r = await kms.call('Decrypt', { CiphertextBlob: c.blob, EncryptionContext: c.context });
        const pt = (r.json as { Plaintext?: string } | undefined)?.Plaintext;
        if (r.status !== 200 || pt !== c.plaintext) failures.push(`${c.keyId}: ${r.status} ${r.errorCode ?? 'wrong plaintext'}`);
      }),
    );
  }
  return failures;
}

function integrityOk(dataDir: string): boolean {
  const db = new Database(join(dataDir, 'kms.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

function auditIds(dataDir: string): Set<string> {
  const p = join(dataDir, 'audit.log');
  const ids = new Set<string>();
  if (!existsSync(p)) return ids;
  for (const m of readFileSync(p, 'utf8').matchAll(/"requestId":"([^"]+)"/g)) ids.add(m[1]!);
  return ids;
}

export async function runCrashRounds(o: CrashOptions): Promise<CrashResult> {
  const log = o.log ?? (() => {});
  const dataDir = join(tempDir('kmsbench-crash-'), 'data');
  const serve = { dataDir, workers: 2, extraArgs: ['--no-quotas', ...(o.fsync ? ['--fsync'] : [])], timeoutMs: 30_000 };
  const rand = prng(o.seed);
  let c = 0;
  const counter = () => c++;
  const lanes: LaneModel[] = Array.from({ length: o.lanes }, (_, lane) => ({ lane, keys: [], retired: [], aliases: {}, ciphertexts: [], created: 0 }));
  const res: CrashResult = {
    mode: o.fsync ? 'fsync' : 'default', rounds: 0, restartsRefused: 0, acknowledgedWrites: 0, writesInFlightAtKill: 0, inFlightCommitted: 0, lost: 0,
    lostDetails: [], unexpectedReplies: [], integrityFailures: 0, ciphertextsChecked: 0, ciphertextsFailed: 0, acknowledgedRequests: 0,
    auditLinesMissing: 0, auditRoundsWithLoss: 0, unackedKeysIncomplete: 0,
  };
  const started = Date.now();
  let server: ServerProcess = await startServe(serve);
  try {
    for (let round = 0; round < o.rounds && Date.now() - started < o.budgetMs; round++) {
      const kms = new Kms(server.url);
      const stop = { now: false };
      const seenBefore = lanes.map((l) => l.ciphertexts.length);
      const runs = lanes.map((m) => runLane(kms, m, prng(o.seed * 1000 + round * 100 + m.lane), counter, stop, Date.now() + 30_000));
      await sleep(o.killAfterMs[0] + rand() * (o.killAfterMs[1] - o.killAfterMs[0]));
      stop.now = true;
      const old = server;
      process.kill(-old.pid, 'SIGKILL');
      // Restart at once: the killed primary may not even be reaped yet.
      try {
        server = await startServe(serve);
      } catch (e) {
        res.restartsRefused++;
        log(`round ${round}: restart refused: ${(e as Error).message.split('\n').slice(0, 3).join(' | ')}`);
        await old.exited;
        await old.waitGroupGone(10_000);
        server = await startServe(serve);
      }
      const done = await Promise.all(runs);
      await old.exited;
      res.rounds++;
      const after = new Kms(server.url);
      if (!integrityOk(dataDir)) res.integrityFailures++;
      const aliases = await listAliases(after);
      const ids = auditIds(dataDir);
      let roundMissing = 0;
      for (const [i, run] of done.entries()) {
        res.acknowledgedWrites += run.acked;
        res.unexpectedReplies.push(...run.unexpected);
        res.acknowledgedRequests += run.ackedIds.length;
        roundMissing += run.ackedIds.filter((id) => !ids.has(id)).length;
        // The model a lane built while running is its acknowledged state.
        const ackedState = lanes[i]!;
        if (run.inflight) res.writesInFlightAtKill++;
        const got = await readLane(after, ackedState, aliases);
        const j = judge(ackedState, run.inflight, got);
        if (j.matched === 'inflight') res.inFlightCommitted++;
        if (!j.matched) {
          res.lost += j.diff.length;
          res.lostDetails.push(...j.diff.map((d) => `round ${round} lane ${i}: ${d}`));
        }
        lanes[i] = j.model;
      }
      res.auditLinesMissing += roundMissing;
      if (roundMissing > 0) res.auditRoundsWithLoss++;
      // This round's ciphertexts (on keys still enabled) and a sample of older ones decrypt.
      const enabled = new Set(lanes.flatMap((l) => [...l.keys, ...l.retired].filter((k) => k.state === 'Enabled').map((k) => k.id)));
      const fresh = lanes.flatMap((l, i) => l.ciphertexts.slice(seenBefore[i]));
      const older = lanes.flatMap((l, i) => l.ciphertexts.slice(0, seenBefore[i])).filter((_, n) => rand() < 0.05);
      const check = [...fresh, ...older].filter((x) => enabled.has(x.keyId));
      const failed = await decryptAll(after, check);
      res.ciphertextsChecked += check.length;
      res.ciphertextsFailed += failed.length;
      log(
        `round ${round}${o.fsync ? ' (fsync)' : ''}: ${done.reduce((s, r) => s + r.acked, 0)} writes acknowledged, ` +
          `${done.filter((r) => r.inflight).length} in flight at the kill; lost ${res.lost}; ${check.length} ciphertexts decrypt` +
          `${failed.length ? ` (${failed.length} FAILED)` : ''}; audit lines missing ${roundMissing}`,
      );
    }
    await finalCheck(new Kms(server.url), lanes, res);
  } finally {
    await server.destroy();
  }
  return res;
}

/** Re-enables every key, checks every lane whole (retired keys too), decrypts every ciphertext, checks unacknowledged keys. */
async function finalCheck(kms: Kms, lanes: LaneModel[], res: CrashResult): Promise<void> {
  for (const m of lanes) {
    for (const k of [...m.keys, ...m.retired]) {
      if (k.state === 'PendingDeletion') await kms.ok('CancelKeyDeletion', { KeyId: k.id });
      if (k.state !== 'Enabled') await kms.ok('EnableKey', { KeyId: k.id });
      k.state = 'Enabled';
    }
  }
  const aliases = await listAliases(kms);
  for (const m of lanes) {
    const got = await readLane(kms, m, aliases, true);
    const j = judge({ ...m, keys: [...m.keys, ...m.retired], retired: [] }, undefined, got);
    if (!j.matched) {
      res.lost += j.diff.length;
      res.lostDetails.push(...j.diff.map((d) => `final lane ${m.lane}: ${d}`));
    }
  }
  const all = lanes.flatMap((l) => l.ciphertexts);
  const failed = await decryptAll(kms, all);
  res.ciphertextsChecked += all.length;
  res.ciphertextsFailed += failed.length;
  const known = new Set(lanes.flatMap((l) => [...l.keys, ...l.retired].map((k) => k.id)));
  for (const id of await listKeys(kms)) {
    if (known.has(id)) continue;
    // Committed without an acknowledgement (allowed), but it must be whole.
    const d = await kms.call('DescribeKey', { KeyId: id });
    const state = (d.json as { KeyMetadata?: { KeyState?: string } } | undefined)?.KeyMetadata?.KeyState;
    if (state !== 'Enabled') continue;
    const e = await kms.call('Encrypt', { KeyId: id, Plaintext: 'eA==' });
    if (e.status !== 200) res.unackedKeysIncomplete++;
  }
}
