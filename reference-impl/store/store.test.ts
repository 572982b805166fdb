import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyRecord } from '../records/key-records.js';
import { KeyStore } from './store.js';

const dir = () => mkdtempSync(join(tmpdir(), 'kmsbench-store-'));

function key(keyId: string, overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    keyId,
    account: '111122223333',
    region: 'us-east-1',
    arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
    createdAt: 0,
    description: '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    keyManager: 'CUSTOMER',
    state: 'Enabled',
    deletionDate: null,
    pendingWindowInDays: null,
    policy: '{}',
    rotationEnabled: false,
    rotationPeriodInDays: null,
    nextRotationAt: null,
    onDemandRotationStartedAt: null,
    onDemandRotations: 0,
    tags: [],
    currentVersion: 1,
    ...overrides,
  };
}

const open: KeyStore[] = [];
const store = (path: string, coherence: 'data-version' | 'notified') => {
  const s = new KeyStore({ path, coherence });
  open.push(s);
  return s;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Two connections to one new database with `coherence`: `a` has written the key k1 (Enabled) and `b` has seen it, then `a` disables it. */
function disabledByOtherConnection(coherence: 'data-version' | 'notified') {
  const path = join(dir(), 'kms.sqlite');
  const a = store(path, coherence);
  const b = store(path, coherence);
  a.write(() => a.putKey(key('k1')));
  b.sync();
  expect(b.getKey('k1')?.state).toBe('Enabled');
  a.write(() => a.putKey(key('k1', { state: 'Disabled' })));
  return b;
}

describe('KeyStore', () => {
  it('persists keys, backing keys and aliases across reopen', () => {
    const path = join(dir(), 'kms.sqlite');
    const a = store(path, 'notified');
    a.write(() => {
      a.putKey(key('k1'));
      a.putBackingKey({ keyId: 'k1', version: 1, sealed: Buffer.from([1, 2, 3]), createdAt: 5, rotationType: null });
      a.putAlias({ account: '111122223333', region: 'us-east-1', name: 'alias/x', targetKeyId: 'k1', createdAt: 1, updatedAt: 2 });
    });
    a.close();
    const b = store(path, 'notified');
    expect(b.getKey('k1')?.arn).toContain('k1');
    expect(b.getBackingKey('k1', 1)?.sealed).toEqual(Buffer.from([1, 2, 3]));
    expect(b.getAlias('111122223333', 'us-east-1', 'alias/x')?.targetKeyId).toBe('k1');
  });

  it('data-version coherence sees another connection\'s commit on the next sync', () => {
    const b = disabledByOtherConnection('data-version');
    expect(b.getKey('k1')?.state).toBe('Enabled'); // cached until sync
    expect(b.sync()).toBe(true);
    expect(b.getKey('k1')?.state).toBe('Disabled');
    expect(b.sync()).toBe(false);
  });

  it('notified coherence trusts its cache until invalidated', () => {
    const b = disabledByOtherConnection('notified');
    expect(b.sync()).toBe(false);
    expect(b.getKey('k1')?.state).toBe('Enabled');
    b.invalidate();
    expect(b.sync()).toBe(true);
    expect(b.getKey('k1')?.state).toBe('Disabled');
  });

  it('counts committed writes and drops its own cache on write', () => {
    const s = store(join(dir(), 'kms.sqlite'), 'notified');
    const before = s.writeCount;
    s.write(() => s.putKey(key('k1')));
    expect(s.getKey('k1')?.state).toBe('Enabled');
    s.write(() => s.putKey(key('k1', { state: 'Disabled' })));
    expect(s.getKey('k1')?.state).toBe('Disabled');
    expect(s.writeCount).toBe(before + 2);
    expect(() => s.write(() => { throw new Error('rolled back'); })).toThrow('rolled back');
    expect(s.writeCount).toBe(before + 2);
  });

  it('deleting a key removes its backing keys and aliases', () => {
    const s = store(join(dir(), 'kms.sqlite'), 'notified');
    s.write(() => {
      s.putKey(key('k1'));
      s.putBackingKey({ keyId: 'k1', version: 1, sealed: Buffer.from([1]), createdAt: 0, rotationType: null });
      s.putAlias({ account: '111122223333', region: 'us-east-1', name: 'alias/x', targetKeyId: 'k1', createdAt: 0, updatedAt: 0 });
    });
    s.write(() => s.deleteKey('k1'));
    expect(s.getKey('k1')).toBeUndefined();
    expect(s.getBackingKey('k1', 1)).toBeUndefined();
    expect(s.getAlias('111122223333', 'us-east-1', 'alias/x')).toBeUndefined();
  });

  it('finds keys whose deletion or rotation is due', () => {
    const s = store(join(dir(), 'kms.sqlite'), 'notified');
    s.write(() => {
      s.putKey(key('del', { state: 'PendingDeletion', deletionDate: 100 }));
      s.putKey(key('rot', { rotationEnabled: true, nextRotationAt: 200 }));
      s.putKey(key('rot-disabled', { state: 'Disabled', rotationEnabled: true, nextRotationAt: 50 }));
    });
    expect(s.keyIdsPendingDeletionDue(99)).toEqual([]);
    expect(s.keyIdsPendingDeletionDue(100)).toEqual(['del']);
    expect(s.keyIdsRotationDue(300)).toEqual(['rot']);
  });

  it('lists keys of one account and Region in pages', () => {
    const s = store(join(dir(), 'kms.sqlite'), 'notified');
    s.write(() => {
      for (const id of ['a', 'b', 'c']) s.putKey(key(id));
      s.putKey(key('z', { account: '999999999999' }));
    });
    expect(s.listKeys('111122223333', 'us-east-1', '', 2).map((k) => k.keyId)).toEqual(['a', 'b']);
    expect(s.listKeys('111122223333', 'us-east-1', 'b', 2).map((k) => k.keyId)).toEqual(['c']);
    expect(s.countKeys('111122223333', 'us-east-1')).toBe(3);
  });
});

describe('data directories of earlier versions', () => {
  it('a keys table without expiry_due gets the column; its keys keep working; expiry is found by the new index', async () => {
    const { default: Database } = await import('better-sqlite3');
    const path = join(dir(), 'kms.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE keys (key_id TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, deletion_due INTEGER, rotation_due INTEGER, doc TEXT NOT NULL);`);
    old.prepare('INSERT INTO keys VALUES (?, ?, ?, NULL, NULL, ?)').run('k-old', '111122223333', 'us-east-1', JSON.stringify(key('k-old')));
    old.close();
    const s = store(path, 'data-version');
    expect(s.getKey('k-old')?.keyId).toBe('k-old');
    s.write(() =>
      s.putKey(key('k-ext', { origin: 'EXTERNAL', materials: [{ version: 1, materialId: 'f'.repeat(64), imported: true, pendingRotation: false, expirationModel: 'KEY_MATERIAL_EXPIRES', validTo: 5000, rotatedAt: null }] })),
    );
    expect(s.keyIdsExpiryDue(4999)).toEqual([]);
    expect(s.keyIdsExpiryDue(5000)).toEqual(['k-ext']);
  });

  it('multi-Region records share a key id under per-Region store ids', () => {
    const s = store(join(dir(), 'kms.sqlite'), 'data-version');
    const mrk = 'mrk-1234abcd12ab34cd56ef1234567890ab';
    s.write(() => {
      s.putKey(key(mrk, { region: 'us-east-1' }));
      s.putKey(key(mrk, { region: 'eu-west-1' }));
      s.putKey(key(`${mrk.slice(0, -1)}c`, { region: 'eu-west-1' }));
    });
    expect(s.getKey(`${mrk}@eu-west-1`)?.region).toBe('eu-west-1');
    expect(s.getKey(mrk)).toBeUndefined();
    expect(s.keyRecordsWithId(mrk).map((k) => k.region)).toEqual(['eu-west-1', 'us-east-1']);
  });
});
