/**
 * Durable store of keys, backing-key versions, aliases and server metadata.
 *
 * better-sqlite3 in WAL mode, shared by every worker process of one server. Reads go through
 * an in-memory cache; writes are IMMEDIATE transactions, and a write acknowledged to a client is
 * in the WAL, so it survives `kill -9`.
 *
 * Cache coherence across processes ({@link Coherence}):
 * - `data-version`: before trusting the cache, {@link KeyStore.sync} asks SQLite whether any
 *   other connection committed (`PRAGMA data_version`) and drops the cache if so. Safe with any
 *   number of unknown writers; costs a query per request.
 * - `notified`: the server guarantees it is the only writer (a data-dir lock) and that every
 *   write is announced to every other worker, which calls {@link KeyStore.invalidate}, before
 *   the write is acknowledged to the client. `sync` is then free. Either way, a key disabled or
 *   deleted through one worker is never used by another after the client has heard back.
 *
 * @module
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AliasRecord, BackingKeyRecord, KeyRecord } from '../records/key-records.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS keys (
  key_id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- Copies of doc fields that lifecycle sweeps query: set only while the event is pending.
  deletion_due INTEGER,
  rotation_due INTEGER,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS keys_by_owner ON keys(account, region, key_id);
CREATE INDEX IF NOT EXISTS keys_by_deletion ON keys(deletion_due) WHERE deletion_due IS NOT NULL;
CREATE INDEX IF NOT EXISTS keys_by_rotation ON keys(rotation_due) WHERE rotation_due IS NOT NULL;
CREATE TABLE IF NOT EXISTS backing_keys (
  key_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  sealed BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  rotation_type TEXT,
  PRIMARY KEY (key_id, version)
);
CREATE TABLE IF NOT EXISTS aliases (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  target_key_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE INDEX IF NOT EXISTS aliases_by_key ON aliases(target_key_id);
CREATE TABLE IF NOT EXISTS meta (
  k TEXT PRIMARY KEY,
  v TEXT NOT NULL
);
`;

interface AliasRow {
  account: string;
  region: string;
  name: string;
  target_key_id: string | null;
  created_at: number;
  updated_at: number;
}

const toAlias = (r: AliasRow): AliasRecord => ({
  account: r.account,
  region: r.region,
  name: r.name,
  targetKeyId: r.target_key_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type Coherence = 'data-version' | 'notified';

export interface StoreOptions {
  /** SQLite file path, or ':memory:' for a throwaway store. */
  path: string;
  /** How cached records are kept in step with other processes (default `data-version`). */
  coherence?: Coherence;
  /** `FULL` also survives power loss; `NORMAL` (default) survives process crashes. */
  synchronous?: 'NORMAL' | 'FULL';
}

export class KeyStore {
  readonly db: Database.Database;
  private lastDataVersion = -1;
  private readonly coherence: Coherence;
  private stale = true;
  /** Incremented by every committed {@link write}; lets callers see that a request wrote. */
  writeCount = 0;
  private readonly keyCache = new Map<string, KeyRecord | null>();
  private readonly aliasCache = new Map<string, AliasRecord | null>();
  private readonly metaCache = new Map<string, string | null>();
  private readonly listeners: Array<() => void> = [];

  private readonly stmt: {
    dataVersion: Database.Statement;
    getKey: Database.Statement;
    putKey: Database.Statement;
    deleteKey: Database.Statement;
    listKeys: Database.Statement;
    countKeys: Database.Statement;
    getBacking: Database.Statement;
    listBacking: Database.Statement;
    putBacking: Database.Statement;
    deleteBacking: Database.Statement;
    getAlias: Database.Statement;
    putAlias: Database.Statement;
    deleteAlias: Database.Statement;
    aliasesForKey: Database.Statement;
    countAliasesForKey: Database.Statement;
    listAliases: Database.Statement;
    deleteAliasesForKey: Database.Statement;
    getMeta: Database.Statement;
    putMeta: Database.Statement;
    pendingDeletionDue: Database.Statement;
    rotationDue: Database.Statement;
    allKeyDocs: Database.Statement;
  };

  constructor(options: StoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.coherence = options.coherence ?? 'data-version';
    const db = this.db;
    this.stmt = {
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      getKey: db.prepare('SELECT doc FROM keys WHERE key_id = ?').pluck(),
      putKey: db.prepare(
        'INSERT OR REPLACE INTO keys (key_id, account, region, deletion_due, rotation_due, doc) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteKey: db.prepare('DELETE FROM keys WHERE key_id = ?'),
      listKeys: db
        .prepare('SELECT doc FROM keys WHERE account = ? AND region = ? AND key_id > ? ORDER BY key_id LIMIT ?')
        .pluck(),
      countKeys: db.prepare('SELECT count(*) FROM keys WHERE account = ? AND region = ?').pluck(),
      getBacking: db.prepare('SELECT * FROM backing_keys WHERE key_id = ? AND version = ?'),
      listBacking: db.prepare('SELECT * FROM backing_keys WHERE key_id = ? ORDER BY version'),
      putBacking: db.prepare(
        'INSERT INTO backing_keys (key_id, version, sealed, created_at, rotation_type) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteBacking: db.prepare('DELETE FROM backing_keys WHERE key_id = ?'),
      getAlias: db.prepare('SELECT * FROM aliases WHERE account = ? AND region = ? AND name = ?'),
      putAlias: db.prepare(
        'INSERT OR REPLACE INTO aliases (account, region, name, target_key_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteAlias: db.prepare('DELETE FROM aliases WHERE account = ? AND region = ? AND name = ?'),
      aliasesForKey: db.prepare('SELECT * FROM aliases WHERE target_key_id = ? ORDER BY name'),
      countAliasesForKey: db.prepare('SELECT count(*) FROM aliases WHERE target_key_id = ?').pluck(),
      listAliases: db.prepare('SELECT * FROM aliases WHERE account = ? AND region = ? ORDER BY name'),
      deleteAliasesForKey: db.prepare('DELETE FROM aliases WHERE target_key_id = ?'),
      getMeta: db.prepare('SELECT v FROM meta WHERE k = ?').pluck(),
      putMeta: db.prepare('INSERT OR REPLACE INTO meta (k, v) VALUES (?, ?)'),
      pendingDeletionDue: db.prepare('SELECT key_id FROM keys WHERE deletion_due <= ?').pluck(),
      rotationDue: db.prepare('SELECT key_id FROM keys WHERE rotation_due <= ?').pluck(),
      allKeyDocs: db.prepare('SELECT doc FROM keys').pluck(),
    };
    this.sync();
  }

  /**
   * Drops every cached record if another connection committed since the last call.
   * Call before trusting the cache (once per request is enough). Returns true when it dropped.
   */
  sync(): boolean {
    if (this.coherence === 'notified') {
      if (!this.stale) return false;
      this.stale = false;
      this.dropCaches();
      return true;
    }
    const v = this.stmt.dataVersion.get() as number;
    if (v === this.lastDataVersion) return false;
    this.lastDataVersion = v;
    this.dropCaches();
    return true;
  }

  /** Another process wrote: the next {@link sync} drops the caches (`notified` coherence). */
  invalidate(): void {
    this.stale = true;
  }

  /** Called after the caches are dropped (e.g. to reload the clock offset). */
  onInvalidate(listener: () => void): void {
    this.listeners.push(listener);
  }

  private dropCaches(): void {
    this.keyCache.clear();
    this.aliasCache.clear();
    this.metaCache.clear();
    for (const l of this.listeners) l();
  }

  /** Runs `fn` in an IMMEDIATE transaction; caches are dropped so reads inside see the database. */
  write<T>(fn: () => T): T {
    this.dropCaches();
    try {
      const result = this.db.transaction(fn).immediate();
      this.writeCount++;
      return result;
    } finally {
      // Our own commits do not bump data_version for this connection; drop what fn may have cached.
      this.dropCaches();
    }
  }

  getKey(keyId: string): KeyRecord | undefined {
    let rec = this.keyCache.get(keyId);
    if (rec === undefined) {
      const doc = this.stmt.getKey.get(keyId) as string | undefined;
      rec = doc === undefined ? null : (JSON.parse(doc) as KeyRecord);
      this.keyCache.set(keyId, rec);
    }
    return rec ?? undefined;
  }

  putKey(rec: KeyRecord): void {
    const deletionDue = rec.state === 'PendingDeletion' ? rec.deletionDate : null;
    const rotationDue = rec.rotationEnabled && rec.state === 'Enabled' ? rec.nextRotationAt : null;
    this.stmt.putKey.run(rec.keyId, rec.account, rec.region, deletionDue, rotationDue, JSON.stringify(rec));
    this.keyCache.delete(rec.keyId);
  }

  /** Deletes a key with its backing keys and every alias pointing to it. */
  deleteKey(keyId: string): void {
    this.stmt.deleteKey.run(keyId);
    this.stmt.deleteBacking.run(keyId);
    this.stmt.deleteAliasesForKey.run(keyId);
    this.keyCache.delete(keyId);
    this.aliasCache.clear();
  }

  /** Keys of one account and Region in key-id order, after `afterKeyId` (exclusive). */
  listKeys(account: string, region: string, afterKeyId: string, limit: number): KeyRecord[] {
    return (this.stmt.listKeys.all(account, region, afterKeyId, limit) as string[]).map(
      (d) => JSON.parse(d) as KeyRecord,
    );
  }

  countKeys(account: string, region: string): number {
    return this.stmt.countKeys.get(account, region) as number;
  }

  keyIdsPendingDeletionDue(nowMs: number): string[] {
    return this.stmt.pendingDeletionDue.all(nowMs) as string[];
  }

  keyIdsRotationDue(nowMs: number): string[] {
    return this.stmt.rotationDue.all(nowMs) as string[];
  }

  allKeys(): KeyRecord[] {
    return (this.stmt.allKeyDocs.all() as string[]).map((d) => JSON.parse(d) as KeyRecord);
  }

  getBackingKey(keyId: string, version: number): BackingKeyRecord | undefined {
    const r = this.stmt.getBacking.get(keyId, version) as
      | { key_id: string; version: number; sealed: Buffer; created_at: number; rotation_type: string | null }
      | undefined;
    return r && toBacking(r);
  }

  listBackingKeys(keyId: string): BackingKeyRecord[] {
    return (this.stmt.listBacking.all(keyId) as Parameters<typeof toBacking>[0][]).map(toBacking);
  }

  putBackingKey(b: BackingKeyRecord): void {
    this.stmt.putBacking.run(b.keyId, b.version, b.sealed, b.createdAt, b.rotationType);
  }

  getAlias(account: string, region: string, name: string): AliasRecord | undefined {
    const cacheKey = `${account}\u0000${region}\u0000${name}`;
    let rec = this.aliasCache.get(cacheKey);
    if (rec === undefined) {
      const row = this.stmt.getAlias.get(account, region, name) as AliasRow | undefined;
      rec = row ? toAlias(row) : null;
      this.aliasCache.set(cacheKey, rec);
    }
    return rec ?? undefined;
  }

  putAlias(a: AliasRecord): void {
    this.stmt.putAlias.run(a.account, a.region, a.name, a.targetKeyId, a.createdAt, a.updatedAt);
    this.aliasCache.clear();
  }

  deleteAlias(account: string, region: string, name: string): void {
    this.stmt.deleteAlias.run(account, region, name);
    this.aliasCache.clear();
  }

  aliasesForKey(keyId: string): AliasRecord[] {
    return (this.stmt.aliasesForKey.all(keyId) as AliasRow[]).map(toAlias);
  }

  countAliasesForKey(keyId: string): number {
    return this.stmt.countAliasesForKey.get(keyId) as number;
  }

  listAliases(account: string, region: string): AliasRecord[] {
    return (this.stmt.listAliases.all(account, region) as AliasRow[]).map(toAlias);
  }

  getMeta(k: string): string | undefined {
    let v = this.metaCache.get(k);
    if (v === undefined) {
      v = (this.stmt.getMeta.get(k) as string | undefined) ?? null;
      this.metaCache.set(k, v);
    }
    return v ?? undefined;
  }

  putMeta(k: string, v: string): void {
    this.stmt.putMeta.run(k, v);
    this.metaCache.delete(k);
  }

  /**
   * Deletes every row of every table (`--ephemeral` reset: keys, backing keys, aliases, the clock
   * offset, and the tables later schema versions add). Call inside {@link write}.
   */
  clearAll(): void {
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const t of tables) this.db.prepare(`DELETE FROM "${t.replace(/"/g, '""')}"`).run();
    this.dropCaches();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toBacking(r: {
  key_id: string;
  version: number;
  sealed: Buffer;
  created_at: number;
  rotation_type: string | null;
}): BackingKeyRecord {
  return {
    keyId: r.key_id,
    version: r.version,
    sealed: r.sealed,
    createdAt: r.created_at,
    rotationType: r.rotation_type as BackingKeyRecord['rotationType'],
  };
}
