/**
 * Opening a data directory: a missing, replaced, wrong or foreign master key is refused at start
 * with one line naming the directory; a store from before check values is checked by opening one
 * of its sealed keys.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataDirError, KEY_CHECK_META, openDataDir } from './data-dir.js';
import { MASTER_KEY_ENV, sealKeyMaterial } from './hsm/master-key.js';
import type { KeyStore } from './store/store.js';

const NO_ENV = {};
const dataDir = () => join(mkdtempSync(join(tmpdir(), 'kmsbench-datadir-')), 'data');
const KEY_ID = '0a1b2c3d-0000-4000-8000-000000000001';
const ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;

const opened: KeyStore[] = [];
async function open(dir: string, env: Record<string, string> = NO_ENV) {
  const r = await openDataDir(dir, {}, env);
  opened.push(r.store);
  return r;
}
async function refusal(dir: string, env: Record<string, string> = NO_ENV): Promise<string> {
  const e = await openDataDir(dir, {}, env).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DataDirError);
  const message = (e as Error).message;
  expect(message).not.toContain('\n');
  expect(message.startsWith(`data directory ${dir}: `)).toBe(true);
  return message;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  vi.restoreAllMocks();
});

/** A data dir with one key (record, sealed material, alias), closed. */
async function withKey(env: Record<string, string> = NO_ENV): Promise<string> {
  const dir = dataDir();
  const { master, store } = await open(dir, env);
  store.write(() => {
    store.putKey({
      keyId: KEY_ID, account: '111122223333', region: 'us-east-1', arn: ARN, createdAt: 0, description: '', keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS', keyManager: 'CUSTOMER', state: 'Enabled', deletionDate: null, pendingWindowInDays: null,
      policy: '{}', rotationEnabled: false, rotationPeriodInDays: null, nextRotationAt: null, onDemandRotationStartedAt: null, onDemandRotations: 0,
      tags: [], currentVersion: 1,
    });
    store.putBackingKey({ keyId: KEY_ID, version: 1, sealed: sealKeyMaterial(master, randomBytes(32), { keyArn: ARN, backingKeyVersion: 1 }), createdAt: 0, rotationType: null });
  });
  store.close();
  return dir;
}

describe('openDataDir', () => {
  it('creates the master key and its check value on first start, and opens again with them', async () => {
    const dir = dataDir();
    const first = await open(dir);
    expect(first.store.getMeta(KEY_CHECK_META)).toMatch(/^v1:[0-9a-f]{64}$/);
    first.store.close();
    const again = await open(dir);
    expect(again.master.equals(first.master)).toBe(true);
  });

  it('refuses a replaced master.key', async () => {
    const dir = await withKey();
    writeFileSync(join(dir, 'master.key'), randomBytes(32));
    expect(await refusal(dir)).toMatch(/the master key in .*master\.key does not match kms\.sqlite \(key check value differs\)/);
  });

  it('refuses a wrong KMSBENCH_MASTER_KEY, naming it', async () => {
    const dir = await withKey();
    expect(await refusal(dir, { [MASTER_KEY_ENV]: randomBytes(32).toString('base64') })).toMatch(/the master key from KMSBENCH_MASTER_KEY does not match/);
  });

  it('refuses to create a new master.key when the store holds keys, and creates none', async () => {
    const dir = await withKey();
    rmSync(join(dir, 'master.key'));
    expect(await refusal(dir)).toMatch(/master\.key is missing but kms\.sqlite holds 1 keys \(1 sealed key versions\)/);
    expect(existsSync(join(dir, 'master.key'))).toBe(false);
  });

  it('refuses another server’s kms.sqlite', async () => {
    const dir = await withKey();
    const other = await withKey();
    copyFileSync(join(other, 'kms.sqlite'), join(dir, 'kms.sqlite'));
    expect(await refusal(dir)).toMatch(/key check value differs/);
  });

  it('an empty store may get a new master key (nothing is sealed under the old one)', async () => {
    const dir = dataDir();
    (await open(dir)).store.close();
    rmSync(join(dir, 'master.key'));
    await open(dir);
    expect(existsSync(join(dir, 'master.key'))).toBe(true);
  });

  it('a store from before check values: accepted when the master key opens its sealed keys, refused when not', async () => {
    const dir = await withKey();
    const db = new Database(join(dir, 'kms.sqlite'));
    db.prepare('DELETE FROM meta WHERE k = ?').run(KEY_CHECK_META);
    db.close();
    // The right key: accepted, and the check value is written.
    const ok = await open(dir);
    expect(ok.store.getMeta(KEY_CHECK_META)).toMatch(/^v1:/);
    ok.store.close();
    const db2 = new Database(join(dir, 'kms.sqlite'));
    db2.prepare('DELETE FROM meta WHERE k = ?').run(KEY_CHECK_META);
    db2.close();
    writeFileSync(join(dir, 'master.key'), randomBytes(32));
    expect(await refusal(dir)).toMatch(new RegExp(`does not open the sealed key material of key ${KEY_ID} in kms\\.sqlite`));
  });
});
