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
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServe, tempDir, type ServerProcess } from '../e2e/harness.js';
import { mulberry32 as prng } from '../../common/numeric.js';
import { judge, type Ciphertext, type LaneModel, type Write } from './crash-model.js';
import { listAliases, listKeys, readLane } from './crash-read.js';
import { nextWrite } from './crash-writes.js';
import { Kms, requestIdOf, sleep } from './support.js';

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
