import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteCustomKeyStoreRepository } from '../keystores/sqlite-repository.js';
import type { CustomKeyStoreRecord } from '../keystores/model.js';
import { KeyStore } from '../store/store.js';
import type { KeyStoreServices } from './context.js';
import { holdsCustomKeyStores, KeyStoreServicesLoader, namesCustomKeyStore } from './key-store-services.js';

const dirs: string[] = [];
const stores: KeyStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Two serving processes' stores on one data dir (the cluster's `notified` coherence). */
function twoProcesses(): [KeyStore, KeyStore] {
  const dir = mkdtempSync(join(tmpdir(), 'kmsbench-key-store-services-'));
  dirs.push(dir);
  const open = () => {
    const s = new KeyStore({ path: join(dir, 'kms.sqlite'), coherence: 'notified' });
    stores.push(s);
    return s;
  };
  return [open(), open()];
}

const plainSealer = { seal: (p: Buffer) => Buffer.from(p), open: (s: Buffer) => Buffer.from(s) };
const record = { account: '111122223333', region: 'us-east-1', id: 'cks-1234567890abcdef0', name: 'store', type: 'AWS_CLOUDHSM' } as unknown as CustomKeyStoreRecord;

describe('namesCustomKeyStore', () => {
  it('is true for the custom key store operations and requests naming a store or its origin', () => {
    for (const op of ['CreateCustomKeyStore', 'DescribeCustomKeyStores', 'UpdateCustomKeyStore', 'DeleteCustomKeyStore', 'ConnectCustomKeyStore', 'DisconnectCustomKeyStore']) {
      expect(namesCustomKeyStore(op, {})).toBe(true);
    }
    expect(namesCustomKeyStore('CreateKey', { CustomKeyStoreId: 'cks-1' })).toBe(true);
    expect(namesCustomKeyStore('CreateKey', { Origin: 'AWS_CLOUDHSM' })).toBe(true);
    expect(namesCustomKeyStore('CreateKey', { Origin: 'EXTERNAL_KEY_STORE' })).toBe(true);
    expect(namesCustomKeyStore('GenerateRandom', { NumberOfBytes: 8, CustomKeyStoreId: 'cks-1' })).toBe(true);
  });

  it('is false for everything else', () => {
    expect(namesCustomKeyStore('CreateKey', { Origin: 'EXTERNAL' })).toBe(false);
    expect(namesCustomKeyStore('CreateKey', {})).toBe(false);
    expect(namesCustomKeyStore('Encrypt', { KeyId: 'k' })).toBe(false);
    expect(namesCustomKeyStore('GenerateRandom', { NumberOfBytes: 8 })).toBe(false);
    expect(namesCustomKeyStore('ListKeys', undefined)).toBe(false);
  });
});

describe('KeyStoreServicesLoader', () => {
  it('creates the services once, for any number of waiting requests', async () => {
    const [store] = twoProcesses();
    let created = 0;
    const loader = new KeyStoreServicesLoader(store, async () => {
      created++;
      return { repo: {} } as unknown as KeyStoreServices;
    });
    expect(loader.current).toBeUndefined();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(b);
    expect(loader.current).toBe(a);
    expect(created).toBe(1);
  });

  it('needs them once the store holds a custom key store, also one another process created', () => {
    const [here, there] = twoProcesses();
    const loader = new KeyStoreServicesLoader(here, () => Promise.reject(new Error('not created in this test')));
    expect(holdsCustomKeyStores(here)).toBe(false); // no table yet: a data dir of an earlier version
    expect(loader.neededFor('Encrypt', { KeyId: 'k' })).toBe(false);

    // Another worker creates a store: its write is announced, and this process syncs before its next request.
    new SqliteCustomKeyStoreRepository(there, plainSealer).put(record);
    here.invalidate();
    here.sync();
    expect(holdsCustomKeyStores(here)).toBe(true);
    expect(loader.neededFor('Encrypt', { KeyId: 'k' })).toBe(true);
  });

  it('reads the store again only after its caches are dropped', () => {
    const [here, there] = twoProcesses();
    const loader = new KeyStoreServicesLoader(here, () => Promise.reject(new Error('not created in this test')));
    expect(loader.neededFor('DescribeKey', { KeyId: 'k' })).toBe(false);
    new SqliteCustomKeyStoreRepository(there, plainSealer).put(record);
    // Not announced yet: the answer is the one read after the last cache drop.
    expect(loader.neededFor('DescribeKey', { KeyId: 'k' })).toBe(false);
    here.invalidate();
    here.sync();
    expect(loader.neededFor('DescribeKey', { KeyId: 'k' })).toBe(true);
  });
});
