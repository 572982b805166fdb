/**
 * Storage integrity, black box: a data directory with three keys (one rotated) and their
 * ciphertexts is stopped, damaged one way, and served again. For each kind of damage the suite
 * records what the server does — refuses to start (with what message), or starts and then for
 * each key what DescribeKey, Encrypt and Decrypt answer — and judges it:
 *
 * - `refused at start`: the server would not serve the damaged store (good, if the message is clear);
 * - `detected at use`: the damaged key fails with an error, the others work (good if the error
 *   or the log names the key);
 * - `served silently`: a changed value served as if nothing happened, or a foreign master key
 *   accepted with no error until a key is used — the gaps this suite exists to find.
 *
 * In every case nothing may decrypt with the wrong key.
 *
 * Damage is done to the files as a disk or an operator would: bytes flipped in place in
 * `kms.sqlite` (located by searching the file for a known value), `master.key` replaced, removed,
 * or given through `KMSBENCH_MASTER_KEY`, `kms.sqlite` copied from another server.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServe, tempDir } from '../e2e/harness.js';
import { Kms } from './support.js';

interface Fixture {
  dataDir: string;
  keys: Array<{ id: string; description: string; blobs: Array<{ blob: string; plaintext: string }> }>;
}

export interface KeyProbe {
  key: string;
  describe: string;
  encrypt: string;
  decrypt: string;
  /** An error reply or a server log line names the key. */
  named: boolean;
  /** DescribeKey showed a description other than the one stored. */
  changed: boolean;
}

export interface DamageResult {
  damage: string;
  started: boolean;
  startError?: string;
  probes: KeyProbe[];
  /** Server stderr lines after the restart (first few). */
  log: string[];
  verdict: 'refused at start' | 'detected at use' | 'served silently' | 'no effect';
  /** A ciphertext decrypted with a wrong master key or from a damaged key. */
  wrongDecrypt: boolean;
}

async function makeFixture(workers: number): Promise<Fixture> {
  const dataDir = join(tempDir('kmsbench-integrity-'), 'data');
  const server = await startServe({ dataDir, workers, extraArgs: ['--no-quotas'] });
  const kms = new Kms(server.url);
  const keys: Fixture['keys'] = [];
  for (const name of ['A', 'B', 'C']) {
    const description = `integrity-key-${name}-desc`;
    const id = (await kms.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', { Description: description })).KeyMetadata.KeyId;
    const blobs = [];
    for (let v = 0; v < (name === 'C' ? 2 : 1); v++) {
      if (v > 0) await kms.ok('RotateKeyOnDemand', { KeyId: id });
      const plaintext = randomBytes(32).toString('base64');
      blobs.push({ blob: (await kms.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: id, Plaintext: plaintext })).CiphertextBlob, plaintext });
    }
    keys.push({ id, description, blobs });
  }
  server.signal('SIGTERM', 'group'); // a clean stop: everything checkpointed into kms.sqlite
  await server.exited;
  await server.waitGroupGone(10_000);
  return { dataDir, keys };
}

/** Flips one bit of the first occurrence of `needle` (at `offset` into it) in `file`; false if absent. */
function flipIn(file: string, needle: Buffer, offset: number, bit = 1): boolean {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(needle);
  if (at < 0) return false;
  bytes[at + offset] ^= bit;
  writeFileSync(file, bytes);
  return true;
}

function sealedOf(dataDir: string, keyId: string): Buffer {
  const db = new Database(join(dataDir, 'kms.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT sealed FROM backing_keys WHERE key_id = ? ORDER BY version LIMIT 1').pluck().get(keyId) as Buffer;
  } finally {
    db.close();
  }
}

interface Damage {
  name: string;
  /** Damages the fixture; may return environment for the restart and the fixture whose keys to probe. */
  damage: (f: Fixture, other: () => Promise<Fixture>) => Promise<{ env?: Record<string, string>; probe?: Fixture } | void> | { env?: Record<string, string>; probe?: Fixture } | void;
  /** Keys none of whose ciphertexts may decrypt afterwards. */
  mustNotDecrypt: 'A' | 'all' | 'none';
}

const DAMAGES: Damage[] = [
  { name: 'a bit flipped in the sealed key material of key A', mustNotDecrypt: 'A', damage: (f) => void flipIn(join(f.dataDir, 'kms.sqlite'), sealedOf(f.dataDir, f.keys[0]!.id), 20) },
  { name: "a bit flipped in key A's stored description (the row stays valid JSON)", mustNotDecrypt: 'none', damage: (f) => void flipIn(join(f.dataDir, 'kms.sqlite'), Buffer.from(f.keys[0]!.description), 14, 2) },
  { name: "a bit flipped in key B's stored record (its JSON broken)", mustNotDecrypt: 'none', damage: (f) => void flipIn(join(f.dataDir, 'kms.sqlite'), Buffer.from(`"${f.keys[1]!.description}"`), 0, 1) },
  { name: 'a bit flipped in the database file header', mustNotDecrypt: 'none', damage: (f) => void flipIn(join(f.dataDir, 'kms.sqlite'), Buffer.from('SQLite format 3'), 0, 1) },
  { name: 'master.key replaced by another key', mustNotDecrypt: 'all', damage: (f) => writeFileSync(join(f.dataDir, 'master.key'), randomBytes(32), { mode: 0o600 }) },
  { name: 'master.key removed', mustNotDecrypt: 'all', damage: (f) => rmSync(join(f.dataDir, 'master.key')) },
  { name: 'a wrong KMSBENCH_MASTER_KEY', mustNotDecrypt: 'all', damage: () => ({ env: { KMSBENCH_MASTER_KEY: randomBytes(32).toString('base64') } }) },
  {
    name: "another server's kms.sqlite under this one's master key",
    mustNotDecrypt: 'all',
    damage: async (f, other) => {
      const o = await other();
      copyFileSync(join(o.dataDir, 'kms.sqlite'), join(f.dataDir, 'kms.sqlite'));
      return { probe: o };
    },
  },
];

export const DAMAGE_NAMES = DAMAGES.map((d) => d.name);

async function probeAll(url: string, f: Fixture, stderr: () => string): Promise<KeyProbe[]> {
  const kms = new Kms(url);
  const out: KeyProbe[] = [];
  for (const k of f.keys) {
    const show = (r: { status: number; errorCode?: string; errorMessage?: string }) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}${r.errorMessage ? `: ${r.errorMessage.slice(0, 120)}` : ''}`;
    const d = await kms.call('DescribeKey', { KeyId: k.id });
    const e = await kms.call('Encrypt', { KeyId: k.id, Plaintext: 'eA==' });
    const decrypts = await Promise.all(k.blobs.map((b) => kms.call('Decrypt', { CiphertextBlob: b.blob })));
    const bad = decrypts.find((r, i) => r.status !== 200 || (r.json as { Plaintext?: string }).Plaintext !== k.blobs[i]!.plaintext) ?? decrypts[0]!;
    const texts = [d, e, ...decrypts].filter((r) => r.status !== 200).map((r) => r.text).concat(stderr());
    out.push({
      key: k.description.slice(14, 15),
      describe: show(d),
      encrypt: show(e),
      decrypt: show(bad),
      named: texts.some((t) => t.includes(k.id)),
      changed: d.status === 200 && (d.json as { KeyMetadata: { Description?: string } }).KeyMetadata.Description !== k.description,
    });
  }
  return out;
}

/** Runs every damage (or those at the indices `pick` of {@link DAMAGE_NAMES}). */
export async function runIntegrity(o: { workers: number; pick?: readonly number[]; log?: (l: string) => void }): Promise<DamageResult[]> {
  const other = () => makeFixture(o.workers);
  const results: DamageResult[] = [];
  for (const d of DAMAGES.filter((_, i) => !o.pick || o.pick.includes(i))) {
    const f = await makeFixture(o.workers);
    const done = (await d.damage(f, other)) ?? {};
    const env = done.env ?? {};
    const probed = done.probe ?? f;
    const res: DamageResult = { damage: d.name, started: false, probes: [], log: [], verdict: 'no effect', wrongDecrypt: false };
    let server;
    try {
      server = await startServe({ dataDir: f.dataDir, workers: o.workers, extraArgs: ['--no-quotas'], env, timeoutMs: 20_000 });
    } catch (e) {
      res.startError = (e as Error).message.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(0, 3).join(' | ').slice(0, 400);
    }
    if (server) {
      res.started = true;
      try {
        res.probes = await probeAll(server.url, probed, () => server.stderr);
        res.log = server.stderr.split('\n').filter((l) => l.trim()).slice(0, 5);
      } finally {
        await server.destroy();
      }
    }
    const failing = res.probes.filter((p) => !p.describe.startsWith('200') || !p.encrypt.startsWith('200') || !p.decrypt.startsWith('200'));
    res.wrongDecrypt = res.probes.some((p) => p.decrypt.startsWith('200') && (d.mustNotDecrypt === 'all' || d.mustNotDecrypt === p.key));
    res.verdict = !res.started
      ? 'refused at start'
      : res.probes.some((p) => p.changed)
        ? 'served silently'
        : failing.length > 0
          ? 'detected at use'
          : 'no effect';
    o.log?.(`integrity: ${d.name}: ${res.verdict}${res.startError ? ` (${res.startError.slice(0, 160)})` : ''}`);
    results.push(res);
  }
  return results;
}
