/**
 * Durable store of keys, backing-key versions, aliases, grants and server metadata.
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
 * Integrity ({@link KeyStore.protectRows}, ./row-mac.ts): once given a row MAC key, the store tags
 * every key record and alias row it writes (the `tag` column) and checks the tag of every row it
 * reads; a row that does not match, or a record that does not parse, is refused with a
 * {@link DamagedRecordError} naming it (and one stderr line), never served.
 *
 * @module
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { reportDamage } from '../damage-report.js';
import { storeIdOf, storeKeyId, type AliasRecord, type BackingKeyRecord, type KeyRecord } from '../records/key-records.js';
import { keyIdOfArn, type GrantRecord } from '../records/grant-records.js';
import { aliasTagFields, DamagedRecordError, keyTagFields, rowTag, tagMatches, type AliasRow, type KeyRow } from './row-mac.js';

export { DamagedRecordError } from './row-mac.js';

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
-- Grants (added with grants; IF NOT EXISTS is the migration of data dirs made before them).
CREATE TABLE IF NOT EXISTS grants (
  grant_id TEXT PRIMARY KEY,
  key_id TEXT NOT NULL,
  retiring_principal TEXT,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS grants_by_key ON grants(key_id, created_at, grant_id);
CREATE INDEX IF NOT EXISTS grants_by_retiring ON grants(retiring_principal, created_at, grant_id) WHERE retiring_principal IS NOT NULL;
-- Last successful cryptographic use of each key (GetKeyLastUsage), flushed in batches.
CREATE TABLE IF NOT EXISTS key_last_usage (
  key_id TEXT PRIMARY KEY,
  operation TEXT NOT NULL,
  at INTEGER NOT NULL,
  request_id TEXT NOT NULL,
  event_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
  k TEXT PRIMARY KEY,
  v TEXT NOT NULL
);
`;

/**
 * Additive migrations, applied in order to data directories made by earlier versions (each
 * checks whether it is needed, so running them on a new or migrated store changes nothing).
 * Key records are keyed by their store id (`records/key-records.ts` storeKeyId): the key id, or
 * `<mrk id>@<Region>` for the records of a multi-Region key; older stores hold key ids only,
 * which are their store ids.
 */
const MIGRATIONS: ReadonlyArray<{ column: string; ddl: string[] }> = [
  {
    // When imported key material is next due to expire (set only while one is pending).
    column: 'expiry_due',
    ddl: ['ALTER TABLE keys ADD COLUMN expiry_due INTEGER', 'CREATE INDEX IF NOT EXISTS keys_by_expiry ON keys(expiry_due) WHERE expiry_due IS NOT NULL'],
  },
];

function migrate(db: Database.Database): void {
  const columns = new Set((db.prepare('PRAGMA table_info(keys)').all() as Array<{ name: string }>).map((c) => c.name));
  for (const m of MIGRATIONS) {
    if (columns.has(m.column)) continue;
    db.transaction(() => {
      for (const statement of m.ddl) db.exec(statement);
    }).immediate();
  }
}

/** The earliest ValidTo of imported key material still held (the next expiry to apply). */
function expiryDueOf(rec: KeyRecord): number | null {
  let due: number | null = null;
  for (const m of rec.materials ?? []) {
    if (m.imported && m.validTo !== null && (due === null || m.validTo < due)) due = m.validTo;
  }
  return due;
}

const KEY_ROW_COLUMNS = 'key_id, account, region, doc, tag';
/** Meta entry set once every row has a tag: from then on a row without one is damaged. */
const ROW_TAGS_META = 'row-tags';
/** Meta entry holding the master key's check value (written and compared by data-dir.ts). */
export const KEY_CHECK_META = 'master-key-check';

/** The store file cannot be opened as a store (the message names the file). */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

const toAlias = (r: AliasRow): AliasRecord => ({
  account: r.account,
  region: r.region,
  name: r.name,
  targetKeyId: r.target_key_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One successful cryptographic use of a key (GetKeyLastUsage). */
export interface KeyUseRecord {
  operation: string;
  /** Server-clock epoch milliseconds. */
  at: number;
  requestId: string;
  eventId: string;
}

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
  /** Grants per key store id, in creation order (read on the authorization path when policies do not allow). */
  private readonly grantCache = new Map<string, readonly GrantRecord[]>();
  private readonly listeners: Array<() => void> = [];
  /** Set by {@link protectRows}: rows are tagged on write and checked on read. */
  private macKey: Buffer | undefined;
  private readonly path: string;

  private readonly stmt: {
    dataVersion: Database.Statement;
    getKey: Database.Statement;
    putKey: Database.Statement;
    deleteKey: Database.Statement;
    keyRecordsOf: Database.Statement;
    expiryDue: Database.Statement;
    deleteBackingVersion: Database.Statement;
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
    tagKey: Database.Statement;
    tagAlias: Database.Statement;
    grantsForKey: Database.Statement;
    getGrant: Database.Statement;
    putGrant: Database.Statement;
    deleteGrant: Database.Statement;
    deleteGrantsForKey: Database.Statement;
    countGrantsForKey: Database.Statement;
    grantsByRetiring: Database.Statement;
    getLastUsage: Database.Statement;
    putLastUsage: Database.Statement;
    deleteLastUsage: Database.Statement;
  };

  constructor(options: StoreOptions) {
    this.path = options.path;
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    try {
      this.db = new Database(options.path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
      this.db.pragma('busy_timeout = 10000');
      this.db.exec(SCHEMA);
      migrate(this.db);
      addColumnIfMissing(this.db, 'keys', 'tag', 'BLOB');
      addColumnIfMissing(this.db, 'aliases', 'tag', 'BLOB');
    } catch (e) {
      throw new StoreOpenError(`cannot open the store ${options.path}: ${(e as Error).message}`, { cause: e });
    }
    this.coherence = options.coherence ?? 'data-version';
    const db = this.db;
    this.stmt = {
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      getKey: db.prepare(`SELECT ${KEY_ROW_COLUMNS} FROM keys WHERE key_id = ?`),
      putKey: db.prepare(
        'INSERT OR REPLACE INTO keys (key_id, account, region, deletion_due, rotation_due, expiry_due, doc, tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteKey: db.prepare('DELETE FROM keys WHERE key_id = ?'),
      keyRecordsOf: db.prepare(`SELECT ${KEY_ROW_COLUMNS} FROM keys WHERE key_id = ? OR (key_id >= ? AND key_id < ?) ORDER BY key_id`),
      expiryDue: db.prepare('SELECT key_id FROM keys WHERE expiry_due <= ?').pluck(),
      deleteBackingVersion: db.prepare('DELETE FROM backing_keys WHERE key_id = ? AND version = ?'),
      listKeys: db.prepare(`SELECT ${KEY_ROW_COLUMNS} FROM keys WHERE account = ? AND region = ? AND key_id > ? ORDER BY key_id LIMIT ?`),
      countKeys: db.prepare('SELECT count(*) FROM keys WHERE account = ? AND region = ?').pluck(),
      getBacking: db.prepare('SELECT * FROM backing_keys WHERE key_id = ? AND version = ?'),
      listBacking: db.prepare('SELECT * FROM backing_keys WHERE key_id = ? ORDER BY version'),
      putBacking: db.prepare(
        'INSERT INTO backing_keys (key_id, version, sealed, created_at, rotation_type) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteBacking: db.prepare('DELETE FROM backing_keys WHERE key_id = ?'),
      getAlias: db.prepare('SELECT * FROM aliases WHERE account = ? AND region = ? AND name = ?'),
      putAlias: db.prepare(
        'INSERT OR REPLACE INTO aliases (account, region, name, target_key_id, created_at, updated_at, tag) VALUES (?, ?, ?, ?, ?, ?, ?)',
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
      allKeyDocs: db.prepare(`SELECT ${KEY_ROW_COLUMNS} FROM keys`),
      tagKey: db.prepare('UPDATE keys SET tag = ? WHERE key_id = ?'),
      tagAlias: db.prepare('UPDATE aliases SET tag = ? WHERE account = ? AND region = ? AND name = ?'),
      grantsForKey: db.prepare('SELECT doc FROM grants WHERE key_id = ? ORDER BY created_at, grant_id').pluck(),
      getGrant: db.prepare('SELECT doc FROM grants WHERE grant_id = ?').pluck(),
      putGrant: db.prepare('INSERT OR REPLACE INTO grants (grant_id, key_id, retiring_principal, created_at, doc) VALUES (?, ?, ?, ?, ?)'),
      deleteGrant: db.prepare('DELETE FROM grants WHERE grant_id = ?'),
      deleteGrantsForKey: db.prepare('DELETE FROM grants WHERE key_id = ?'),
      countGrantsForKey: db.prepare('SELECT count(*) FROM grants WHERE key_id = ?').pluck(),
      grantsByRetiring: db.prepare('SELECT doc FROM grants WHERE retiring_principal = ? ORDER BY created_at, grant_id').pluck(),
      getLastUsage: db.prepare('SELECT operation, at, request_id AS requestId, event_id AS eventId FROM key_last_usage WHERE key_id = ?'),
      putLastUsage: db.prepare(
        `INSERT INTO key_last_usage (key_id, operation, at, request_id, event_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(key_id) DO UPDATE SET operation = excluded.operation, at = excluded.at,
           request_id = excluded.request_id, event_id = excluded.event_id WHERE excluded.at >= key_last_usage.at`,
      ),
      deleteLastUsage: db.prepare('DELETE FROM key_last_usage WHERE key_id = ?'),
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
    this.grantCache.clear();
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
      const row = this.stmt.getKey.get(keyId) as KeyRow | undefined;
      rec = row === undefined ? null : this.keyOf(row);
      this.keyCache.set(keyId, rec);
    }
    return rec ?? undefined;
  }

  /** Writes a key record under its store id (`storeIdOf`). */
  putKey(rec: KeyRecord): void {
    const deletionDue = rec.state === 'PendingDeletion' ? rec.deletionDate : null;
    const rotationDue = rec.rotationEnabled && rec.state === 'Enabled' ? rec.nextRotationAt : null;
    const id = storeIdOf(rec);
    const doc = JSON.stringify(rec);
    // The tag is written with the row, in one statement: a row rewritten to add it would leave a
    // stale copy of the record in the page's free space. It covers the record as stored (its store
    // id, account, Region and whole document, so every field integration adds is covered too).
    const tag = this.macKey ? rowTag(this.macKey, 'key', keyTagFields({ key_id: id, account: rec.account, region: rec.region, doc })) : null;
    this.stmt.putKey.run(id, rec.account, rec.region, deletionDue, rotationDue, expiryDueOf(rec), doc, tag);
    this.keyCache.delete(id);
  }

  /** The record of a key row, after its integrity check. @throws DamagedRecordError */
  private keyOf(row: KeyRow): KeyRecord {
    if (this.macKey && !tagMatches(this.macKey, 'key', keyTagFields(row), row.tag)) {
      throw this.damaged(`key ${row.key_id}`, `the stored record of key ${row.key_id} in ${this.path} failed its integrity check (changed outside the server, or damaged): refused`);
    }
    let rec: KeyRecord;
    try {
      rec = JSON.parse(row.doc) as KeyRecord;
    } catch {
      throw this.damaged(`key ${row.key_id}`, `the stored record of key ${row.key_id} in ${this.path} is damaged (not valid JSON): refused`);
    }
    if (typeof rec !== 'object' || rec === null || storeIdOf(rec) !== row.key_id) {
      throw this.damaged(`key ${row.key_id}`, `the stored record of key ${row.key_id} in ${this.path} is damaged (not this key's record): refused`);
    }
    return rec;
  }

  /** The alias of an alias row, after its integrity check. @throws DamagedRecordError */
  private aliasOf(row: AliasRow): AliasRecord {
    if (this.macKey && !tagMatches(this.macKey, 'alias', aliasTagFields(row), row.tag)) {
      const name = `alias ${row.name} (account ${row.account}, ${row.region})`;
      throw this.damaged(name, `the stored row of ${name} in ${this.path} failed its integrity check (changed outside the server, or damaged): refused`);
    }
    return toAlias(row);
  }

  private damaged(subject: string, line: string): DamagedRecordError {
    reportDamage(`${this.path} ${subject}`, line);
    return new DamagedRecordError(line);
  }

  /**
   * Turns on integrity tags under `macKey` (derived from the master key; the caller has checked
   * that key against the store). On the first call for a store, rows written before tags existed
   * are tagged; returns how many (0 afterwards).
   */
  protectRows(macKey: Buffer): { keys: number; aliases: number } {
    this.macKey = macKey;
    this.dropCaches();
    if (this.getMeta(ROW_TAGS_META) === 'v1') return { keys: 0, aliases: 0 };
    return this.write(() => {
      if (this.getMeta(ROW_TAGS_META) === 'v1') return { keys: 0, aliases: 0 }; // another process did it first
      const keys = this.db.prepare(`SELECT ${KEY_ROW_COLUMNS} FROM keys WHERE tag IS NULL`).all() as KeyRow[];
      for (const r of keys) this.stmt.tagKey.run(rowTag(macKey, 'key', keyTagFields(r)), r.key_id);
      const aliases = this.db.prepare('SELECT * FROM aliases WHERE tag IS NULL').all() as AliasRow[];
      for (const a of aliases) this.stmt.tagAlias.run(rowTag(macKey, 'alias', aliasTagFields(a)), a.account, a.region, a.name);
      this.putMeta(ROW_TAGS_META, 'v1');
      return { keys: keys.length, aliases: aliases.length };
    });
  }

  /** Every record with this key id: one, or a multi-Region key's primary and replicas (any account). */
  keyRecordsWithId(keyId: string): KeyRecord[] {
    return (this.stmt.keyRecordsOf.all(keyId, `${keyId}@`, `${keyId}A`) as KeyRow[]).map((r) => this.keyOf(r));
  }

  /** Store ids of keys whose imported key material is due to expire. */
  keyIdsExpiryDue(nowMs: number): string[] {
    return this.stmt.expiryDue.all(nowMs) as string[];
  }

  /** Deletes one backing-key version (imported key material deleted or expired). */
  deleteBackingKey(owner: string, version: number): void {
    this.stmt.deleteBackingVersion.run(owner, version);
  }

  /** Deletes every backing key of `owner` (a multi-Region key's shared material, once its last record is gone). */
  deleteBackingKeys(owner: string): void {
    this.stmt.deleteBacking.run(owner);
  }

  /** Deletes a key record (by store id) with its backing keys under that id and every alias pointing to it. */
  deleteKey(keyId: string): void {
    this.stmt.deleteKey.run(keyId);
    this.stmt.deleteBacking.run(keyId);
    this.stmt.deleteAliasesForKey.run(keyId);
    this.stmt.deleteGrantsForKey.run(keyId);
    this.grantCache.delete(keyId);
    this.stmt.deleteLastUsage.run(keyId);
    this.keyCache.delete(keyId);
    this.aliasCache.clear();
  }

  /** Keys of one account and Region in store-id order, after the store id `afterKeyId` (exclusive). */
  listKeys(account: string, region: string, afterKeyId: string, limit: number): KeyRecord[] {
    return (this.stmt.listKeys.all(account, region, afterKeyId, limit) as KeyRow[]).map((r) => this.keyOf(r));
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
    return (this.stmt.allKeyDocs.all() as KeyRow[]).map((r) => this.keyOf(r));
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
      rec = row ? this.aliasOf(row) : null;
      this.aliasCache.set(cacheKey, rec);
    }
    return rec ?? undefined;
  }

  putAlias(a: AliasRecord): void {
    const row: AliasRow = { account: a.account, region: a.region, name: a.name, target_key_id: a.targetKeyId, created_at: a.createdAt, updated_at: a.updatedAt };
    const tag = this.macKey ? rowTag(this.macKey, 'alias', aliasTagFields(row)) : null;
    this.stmt.putAlias.run(a.account, a.region, a.name, a.targetKeyId, a.createdAt, a.updatedAt, tag);
    this.aliasCache.clear();
  }

  deleteAlias(account: string, region: string, name: string): void {
    this.stmt.deleteAlias.run(account, region, name);
    this.aliasCache.clear();
  }

  aliasesForKey(keyId: string): AliasRecord[] {
    return (this.stmt.aliasesForKey.all(keyId) as AliasRow[]).map((r) => this.aliasOf(r));
  }

  countAliasesForKey(keyId: string): number {
    return this.stmt.countAliasesForKey.get(keyId) as number;
  }

  listAliases(account: string, region: string): AliasRecord[] {
    return (this.stmt.listAliases.all(account, region) as AliasRow[]).map((r) => this.aliasOf(r));
  }

  /** The grants of a key (by store id: a multi-Region key's replicas have grants of their own), in creation order (cached until the next write or invalidation). */
  grantsForKey(keyId: string): readonly GrantRecord[] {
    let list = this.grantCache.get(keyId);
    if (list === undefined) {
      list = (this.stmt.grantsForKey.all(keyId) as string[]).map((d) => JSON.parse(d) as GrantRecord);
      this.grantCache.set(keyId, list);
    }
    return list;
  }

  getGrant(grantId: string): GrantRecord | undefined {
    const doc = this.stmt.getGrant.get(grantId) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as GrantRecord);
  }

  countGrantsForKey(keyId: string): number {
    return this.stmt.countGrantsForKey.get(keyId) as number;
  }

  /** Grants whose retiring principal is exactly `principal`, in creation order (every key, every account). */
  grantsByRetiringPrincipal(principal: string): GrantRecord[] {
    return (this.stmt.grantsByRetiring.all(principal) as string[]).map((d) => JSON.parse(d) as GrantRecord);
  }

  putGrant(g: GrantRecord): void {
    const keyId = grantKeyStoreId(g.keyArn);
    this.stmt.putGrant.run(g.grantId, keyId, g.retiringPrincipal ?? null, g.creationDate, JSON.stringify(g));
    this.grantCache.delete(keyId);
  }

  deleteGrant(g: Pick<GrantRecord, 'grantId' | 'keyArn'>): void {
    this.stmt.deleteGrant.run(g.grantId);
    this.grantCache.delete(grantKeyStoreId(g.keyArn));
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
   * offset, and the tables later schema versions add). Call inside {@link write}. What binds the
   * store to its master key stays: the key check value and the row-tag marker.
   */
  clearAll(): void {
    const kept = [KEY_CHECK_META, ROW_TAGS_META].flatMap((k) => {
      const v = this.getMeta(k);
      return v === undefined ? [] : [[k, v] as const];
    });
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const t of tables) this.db.prepare(`DELETE FROM "${t.replace(/"/g, '""')}"`).run();
    this.dropCaches();
    for (const [k, v] of kept) this.putMeta(k, v);
  }

  /** The last recorded use of a key (uncached: GetKeyLastUsage is a control-plane call). */
  getKeyLastUsage(keyId: string): KeyUseRecord | undefined {
    return this.stmt.getLastUsage.get(keyId) as KeyUseRecord | undefined;
  }

  /**
   * Records key uses in one transaction, keeping the later one per key. Not a {@link write}: the
   * table is not cached and nothing else reads it, so no other worker needs to be told.
   */
  putKeyLastUsage(uses: ReadonlyMap<string, KeyUseRecord>): void {
    if (uses.size === 0) return;
    this.db.transaction(() => {
      for (const [keyId, u] of uses) this.stmt.putLastUsage.run(keyId, u.operation, u.at, u.requestId, u.eventId);
    }).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Adds a column to a table created before the column existed (a migration that keeps old data dirs working). */
function addColumnIfMissing(db: Database.Database, table: string, column: string, type: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
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

/** grants.key_id: the store id of the grant's key (the key ARN's Region picks a multi-Region key's record). */
const grantKeyStoreId = (keyArn: string): string => storeKeyId(keyArn.split(':')[3] ?? '', keyIdOfArn(keyArn));
