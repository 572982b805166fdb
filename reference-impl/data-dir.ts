/**
 * Opening a data directory: the store and the master key, checked against each other before
 * anything is served.
 *
 * - `kms.sqlite` that cannot be opened is refused naming the file (store/store.ts).
 * - `master.key` is created only for a store that holds no keys: when the store holds keys and
 *   the file is gone, the start is refused (a new key could open none of them).
 * - The master key's check value (hsm/key-check.ts) is kept in the store's meta from the first
 *   start and compared on every start: a replaced or wrong master key (`master.key`,
 *   `KMSBENCH_MASTER_KEY`), or another server's `kms.sqlite`, is refused at once with one line
 *   naming the directory, not discovered later as a 500 on every key. A store from before check
 *   values gets one if the master key opens one of its sealed keys (and is refused if it does not).
 * - Then the store tags and checks its rows under a key derived from the master key
 *   (store/row-mac.ts); rows written before tags existed are tagged on this first open (logged once).
 *
 * @module
 */
import { join } from 'node:path';
import { keyCheckValue, rowMacKey } from './hsm/key-check.js';
import { loadMasterKey, MASTER_KEY_ENV, MASTER_KEY_FILE, MasterKeyMissingError, openKeyMaterial } from './hsm/master-key.js';
import { KEY_CHECK_META, KeyStore, type StoreOptions } from './store/store.js';
import type { KeyRecord } from './records/key-records.js';

export const STORE_FILE = 'kms.sqlite';
export { KEY_CHECK_META };

/** The data directory cannot be served as it is; the message is one line that says why and what to check. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

export interface OpenedDataDir {
  master: Buffer;
  store: KeyStore;
}

export async function openDataDir(
  dataDir: string,
  storeOptions: Omit<StoreOptions, 'path'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<OpenedDataDir> {
  const store = new KeyStore({ ...storeOptions, path: join(dataDir, STORE_FILE) });
  try {
    const held = holdings(store);
    let loaded;
    try {
      loaded = await loadMasterKey({ dataDir, env, create: held.keys === 0 && held.sealed === 0 });
    } catch (e) {
      if (!(e instanceof MasterKeyMissingError)) throw e;
      throw new DataDirError(
        `data directory ${dataDir}: ${MASTER_KEY_FILE} is missing but ${STORE_FILE} holds ${held.keys} keys (${held.sealed} sealed key versions) sealed under it: ` +
          `restore ${MASTER_KEY_FILE} (or set ${MASTER_KEY_ENV}); a new master key would open none of them, so none is created`,
      );
    }
    const master = loaded.key;
    const from = loaded.source === 'env' ? `the master key from ${MASTER_KEY_ENV}` : `the master key in ${join(dataDir, MASTER_KEY_FILE)}`;
    const kcv = keyCheckValue(master);
    const stored = store.getMeta(KEY_CHECK_META);
    if (stored !== kcv) {
      const nothingProtected = held.keys === 0 && held.sealed === 0 && held.aliases === 0;
      if (stored !== undefined && !nothingProtected) {
        throw new DataDirError(
          `data directory ${dataDir}: ${from} does not match ${STORE_FILE} (key check value differs): ` +
            `was ${MASTER_KEY_FILE} replaced, ${MASTER_KEY_ENV} set wrong, or ${STORE_FILE} copied from another server?`,
        );
      }
      if (stored === undefined && held.sample?.arn) {
        // A store from before check values: the master key must open one of its sealed keys.
        try {
          openKeyMaterial(master, held.sample.sealed, { keyArn: held.sample.arn, backingKeyVersion: held.sample.version }).fill(0);
        } catch {
          throw new DataDirError(
            `data directory ${dataDir}: ${from} does not open the sealed key material of key ${held.sample.keyId} in ${STORE_FILE}: ` +
              `was ${MASTER_KEY_FILE} replaced, ${MASTER_KEY_ENV} set wrong, or ${STORE_FILE} copied from another server?`,
          );
        }
      }
      store.write(() => store.putMeta(KEY_CHECK_META, kcv));
    }
    const tagged = store.protectRows(rowMacKey(master));
    if (tagged.keys + tagged.aliases > 0) {
      process.stderr.write(
        `kmsbench: data directory ${dataDir}: added integrity tags to ${tagged.keys} key records and ${tagged.aliases} aliases written before tags existed (once)\n`,
      );
    }
    return { master, store };
  } catch (e) {
    store.close();
    throw e;
  }
}

/** What `store` holds under the master key: key records, sealed key versions, aliases; and one sealed version to test a master key on. */
export function holdings(store: KeyStore): { keys: number; sealed: number; aliases: number; sample?: { keyId: string; version: number; sealed: Buffer; arn?: string } } {
  const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const sample = store.db
    .prepare('SELECT b.key_id AS keyId, b.version AS version, b.sealed AS sealed, k.doc AS doc FROM backing_keys b JOIN keys k ON k.key_id = b.key_id WHERE k.key_id NOT LIKE \'mrk-%\' LIMIT 1')
    .get() as { keyId: string; version: number; sealed: Buffer; doc: string } | undefined;
  let arn: string | undefined;
  try {
    arn = sample ? (JSON.parse(sample.doc) as KeyRecord).arn : undefined;
  } catch {
    arn = undefined;
  }
  return {
    keys: count('keys'),
    sealed: count('backing_keys'),
    aliases: count('aliases'),
    ...(sample ? { sample: { keyId: sample.keyId, version: sample.version, sealed: sample.sealed, ...(arn ? { arn } : {}) } } : {}),
  };
}
