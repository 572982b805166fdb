/**
 * Custom key store records in the server's SQLite store (table `custom_key_stores`, created on
 * first use, so data directories of earlier versions keep working). A record holds the kmsuser
 * password or the XKS proxy's secret access key, so the document is stored sealed (`seal`/`open`,
 * the master key in a server), bound to the store's account, Region and id. Reads go to SQLite
 * each time (no cache): records change from connection attempts that finish after their request,
 * and every worker process must see them.
 *
 * @module
 */
import type { KeyStore } from '../store/store.js';
import type { CustomKeyStoreRecord } from './model.js';
import type { CustomKeyStoreRepository } from './repository.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS custom_key_stores (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  id TEXT NOT NULL,
  sealed BLOB NOT NULL,
  PRIMARY KEY (account, region, id)
);
`;

/** Seals a record's JSON for rest, bound to `binding` (and opens it). */
export interface RecordSealer {
  seal(plain: Buffer, binding: string): Buffer;
  open(sealed: Buffer, binding: string): Buffer;
}

const bindingOf = (account: string, region: string, id: string): string => `kmsbench:custom-key-store:${account}:${region}:${id}`;

export class SqliteCustomKeyStoreRepository implements CustomKeyStoreRepository {
  private readonly stmt;

  constructor(
    private readonly store: KeyStore,
    private readonly sealer: RecordSealer,
  ) {
    store.db.exec(SCHEMA);
    const db = store.db;
    this.stmt = {
      get: db.prepare('SELECT sealed FROM custom_key_stores WHERE account = ? AND region = ? AND id = ?').pluck(),
      list: db.prepare('SELECT id, sealed FROM custom_key_stores WHERE account = ? AND region = ? ORDER BY id'),
      put: db.prepare('INSERT OR REPLACE INTO custom_key_stores (account, region, id, sealed) VALUES (?, ?, ?, ?)'),
      delete: db.prepare('DELETE FROM custom_key_stores WHERE account = ? AND region = ? AND id = ?'),
      countKeys: db.prepare("SELECT count(*) FROM keys WHERE account = ? AND region = ? AND json_extract(doc, '$.customKeyStore.id') = ?").pluck(),
    };
  }

  private decode(account: string, region: string, id: string, sealed: Buffer): CustomKeyStoreRecord {
    const plain = this.sealer.open(sealed, bindingOf(account, region, id));
    try {
      return JSON.parse(plain.toString('utf8')) as CustomKeyStoreRecord;
    } finally {
      plain.fill(0);
    }
  }

  get(account: string, region: string, id: string): CustomKeyStoreRecord | undefined {
    const sealed = this.stmt.get.get(account, region, id) as Buffer | undefined;
    return sealed ? this.decode(account, region, id, sealed) : undefined;
  }

  list(account: string, region: string): readonly CustomKeyStoreRecord[] {
    return (this.stmt.list.all(account, region) as Array<{ id: string; sealed: Buffer }>).map((r) => this.decode(account, region, r.id, r.sealed));
  }

  put(record: CustomKeyStoreRecord): void {
    const plain = Buffer.from(JSON.stringify(record), 'utf8');
    try {
      const sealed = this.sealer.seal(plain, bindingOf(record.account, record.region, record.id));
      this.store.write(() => this.stmt.put.run(record.account, record.region, record.id, sealed));
    } finally {
      plain.fill(0);
    }
  }

  delete(account: string, region: string, id: string): void {
    this.store.write(() => this.stmt.delete.run(account, region, id));
  }

  countKeys(account: string, region: string, id: string): number {
    return this.stmt.countKeys.get(account, region, id) as number;
  }
}
