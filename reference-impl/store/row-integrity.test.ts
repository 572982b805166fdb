/**
 * The store's row integrity tags (./row-mac.ts): rows changed outside the server are refused,
 * naming the row, never served; rows from before tags existed are tagged on first protection.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AliasRecord, KeyRecord } from '../records/key-records.js';
import { DamagedRecordError, KeyStore, StoreOpenError } from './store.js';

const path = () => join(mkdtempSync(join(tmpdir(), 'kmsbench-rows-')), 'kms.sqlite');
const KEY_ID = '0a1b2c3d-0000-4000-8000-000000000001';

function key(keyId = KEY_ID): KeyRecord {
  return {
    keyId, account: '111122223333', region: 'us-east-1', arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`, createdAt: 0,
    description: 'the real description', keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS', keyManager: 'CUSTOMER',
    state: 'Enabled', deletionDate: null, pendingWindowInDays: null, policy: '{}', rotationEnabled: false, rotationPeriodInDays: null,
    nextRotationAt: null, onDemandRotationStartedAt: null, onDemandRotations: 0, tags: [], currentVersion: 1,
  };
}
const alias: AliasRecord = { account: '111122223333', region: 'us-east-1', name: 'alias/a', targetKeyId: KEY_ID, createdAt: 1, updatedAt: 2 };

const open: KeyStore[] = [];
function store(p: string, macKey?: Buffer): KeyStore {
  const s = new KeyStore({ path: p });
  open.push(s);
  if (macKey) s.protectRows(macKey);
  return s;
}
/** Changes the file as a disk or an operator would: behind the server's back. */
function tamper(p: string, sql: string, ...args: unknown[]): void {
  const db = new Database(p);
  db.prepare(sql).run(...args);
  db.close();
}
const stderr = () => vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  vi.restoreAllMocks();
});

describe('row integrity tags', () => {
  it('serves rows it wrote, across reopen', () => {
    const p = path();
    const mac = randomBytes(32);
    const a = store(p, mac);
    a.write(() => {
      a.putKey(key());
      a.putAlias(alias);
    });
    a.close();
    const b = store(p, mac);
    expect(b.getKey(KEY_ID)?.description).toBe('the real description');
    expect(b.getAlias(alias.account, alias.region, alias.name)?.targetKeyId).toBe(KEY_ID);
    expect(b.listKeys('111122223333', 'us-east-1', '', 10)).toHaveLength(1);
    expect(b.listAliases('111122223333', 'us-east-1')).toHaveLength(1);
  });

  it.each([
    ['a changed description (still valid JSON)', `UPDATE keys SET doc = replace(doc, 'real', 'fake')`],
    ['a changed state', `UPDATE keys SET doc = replace(doc, '"Enabled"', '"Disabled"')`],
    ['broken JSON', `UPDATE keys SET doc = substr(doc, 2)`],
    ['a changed account column', `UPDATE keys SET account = '444455556666'`],
    ['a removed tag', `UPDATE keys SET tag = NULL`],
  ])('refuses a key record with %s, naming the key, and logs it once', (_what, sql) => {
    const p = path();
    const mac = randomBytes(32);
    const a = store(p, mac);
    a.write(() => a.putKey(key()));
    a.close();
    tamper(p, sql);
    const log = stderr();
    const b = store(p, mac);
    expect(() => b.getKey(KEY_ID)).toThrow(DamagedRecordError);
    expect(() => b.getKey(KEY_ID)).toThrow(new RegExp(`key ${KEY_ID} in .*kms\\.sqlite`));
    expect(() => b.allKeys()).toThrow(DamagedRecordError);
    const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.includes(KEY_ID));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kmsbench: the stored record of key .* refused\n$/);
  });

  it('refuses an alias row pointed at another key', () => {
    const p = path();
    const mac = randomBytes(32);
    const a = store(p, mac);
    a.write(() => a.putAlias(alias));
    a.close();
    tamper(p, 'UPDATE aliases SET target_key_id = ?', '0a1b2c3d-0000-4000-8000-000000000002');
    stderr();
    const b = store(p, mac);
    expect(() => b.getAlias(alias.account, alias.region, alias.name)).toThrow(/alias alias\/a .*failed its integrity check/);
    expect(() => b.aliasesForKey('0a1b2c3d-0000-4000-8000-000000000002')).toThrow(DamagedRecordError);
  });

  it('refuses rows under another row MAC key (another master key)', () => {
    const p = path();
    const a = store(p, randomBytes(32));
    a.write(() => a.putKey(key()));
    a.close();
    stderr();
    const b = new KeyStore({ path: p });
    open.push(b);
    b.protectRows(randomBytes(32));
    expect(() => b.getKey(KEY_ID)).toThrow(DamagedRecordError);
  });

  it('tags rows written before tags existed on the first protection only; later untagged rows are damaged', () => {
    const p = path();
    const legacy = store(p);
    legacy.write(() => {
      legacy.putKey(key());
      legacy.putAlias(alias);
    });
    legacy.close();
    const mac = randomBytes(32);
    const b = new KeyStore({ path: p });
    open.push(b);
    expect(b.protectRows(mac)).toEqual({ keys: 1, aliases: 1 });
    expect(b.getKey(KEY_ID)?.description).toBe('the real description');
    expect(b.protectRows(mac)).toEqual({ keys: 0, aliases: 0 });
    b.close();
    tamper(p, 'UPDATE keys SET tag = NULL');
    stderr();
    expect(() => store(p, mac).getKey(KEY_ID)).toThrow(DamagedRecordError);
  });

  it('covers the record as stored: multi-Region records under their store ids, imported material fields', () => {
    const p = path();
    const mac = randomBytes(32);
    const mrk = 'mrk-1234abcd12ab34cd56ef1234567890ab';
    const replica = (region: string): KeyRecord => ({ ...key(mrk), region, arn: `arn:aws:kms:${region}:111122223333:key/${mrk}` });
    const imported: KeyRecord = {
      ...key(),
      origin: 'EXTERNAL',
      materials: [{ version: 1, materialId: 'f'.repeat(64), imported: true, pendingRotation: false, expirationModel: 'KEY_MATERIAL_EXPIRES', validTo: 5000, rotatedAt: null }],
    };
    const a = store(p, mac);
    a.write(() => {
      a.putKey(replica('us-east-1'));
      a.putKey(replica('eu-west-1'));
      a.putKey(imported);
    });
    a.close();
    const b = store(p, mac);
    expect(b.keyRecordsWithId(mrk).map((k) => k.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(b.getKey(`${mrk}@eu-west-1`)?.region).toBe('eu-west-1');
    expect(b.getKey(KEY_ID)?.materials?.[0]?.validTo).toBe(5000);
    b.close();
    // A record moved to another store id, and an imported material's expiry pushed back, are refused.
    tamper(p, 'UPDATE keys SET key_id = ? WHERE key_id = ?', `${mrk}@ap-south-1`, `${mrk}@eu-west-1`);
    tamper(p, `UPDATE keys SET doc = replace(doc, '"validTo":5000', '"validTo":9000') WHERE key_id = ?`, KEY_ID);
    stderr();
    const c = store(p, mac);
    expect(() => c.getKey(`${mrk}@ap-south-1`)).toThrow(DamagedRecordError);
    expect(() => c.keyRecordsWithId(mrk)).toThrow(DamagedRecordError);
    expect(() => c.getKey(KEY_ID)).toThrow(DamagedRecordError);
    expect(c.getKey(`${mrk}@us-east-1`)?.region).toBe('us-east-1');
  });

  it('names the file when it is not a database', () => {
    const p = path();
    writeFileSync(p, 'this is not a database, it only has the name of one'.repeat(100));
    expect(() => new KeyStore({ path: p })).toThrow(StoreOpenError);
    expect(() => new KeyStore({ path: p })).toThrow(`cannot open the store ${p}: file is not a database`);
  });
});
