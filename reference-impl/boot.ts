/**
 * What a data directory needs before any process serves from it: the master key and the store's
 * schema, created once (a cluster's primary does this before it forks its workers, so they never
 * race for them). Loads the master key module and the store only: not the request pipeline.
 *
 * @module
 */
import { join } from 'node:path';
import { loadMasterKey } from './hsm/master-key.js';
import type { ResolvedOptions } from './server-options.js';
import { KeyStore } from './store/store.js';

export const STORE_FILE = 'kms.sqlite';

/** Creates (or opens) the master key and the store of `options.dataDir`, then closes the store. */
export async function prepareDataDir(options: Pick<ResolvedOptions, 'dataDir' | 'synchronous'>): Promise<void> {
  await loadMasterKey({ dataDir: options.dataDir });
  const store = new KeyStore({ path: join(options.dataDir, STORE_FILE), synchronous: options.synchronous });
  store.close();
}
