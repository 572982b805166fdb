/**
 * What a data directory needs before any process serves from it: the master key, the store's
 * schema and the seed, done once (a cluster's primary does this before its workers serve, so
 * they never race for them). Loads the master key module and the store, and the seed modules
 * only when there is a seed file: not the request pipeline.
 *
 * @module
 */
import { join } from 'node:path';
import { loadMasterKey, sealKeyMaterial } from './hsm/master-key.js';
import { readClockOffset } from './protocol/control.js';
import type { ResolvedOptions } from './server-options.js';
import { KeyStore } from './store/store.js';

export const STORE_FILE = 'kms.sqlite';

type BootOptions = Pick<ResolvedOptions, 'dataDir' | 'synchronous' | 'seedFile' | 'account' | 'region'>;

/**
 * Creates (or opens) the master key and the store of `options.dataDir` and applies the seed
 * file, if any, to `store` (default: the data dir's, opened and closed here). Returns the
 * operator notices: what the seed created and skipped.
 * @throws SeedError (name `SeedError`) for a seed file that cannot be read or applied.
 */
export async function prepareDataDir(options: BootOptions, store?: KeyStore): Promise<string[]> {
  const { key: master } = await loadMasterKey({ dataDir: options.dataDir });
  const own = store ?? new KeyStore({ path: join(options.dataDir, STORE_FILE), synchronous: options.synchronous });
  try {
    if (options.seedFile === undefined) return [];
    const { readSeedFile } = await import('./seed/read-seed.js');
    const { applySeedPlan } = await import('./seed/apply-seed.js');
    const plan = await readSeedFile(options.seedFile, { account: options.account, region: options.region });
    const report = await applySeedPlan(plan, {
      store: own,
      seal: (material, keyArn, version) => sealKeyMaterial(master, material, { keyArn, backingKeyVersion: version }),
      now: Date.now() + readClockOffset(own),
    });
    return [
      `seed ${options.seedFile} (${plan.format} format): created ${report.created.length}, skipped ${report.skipped.length}`,
      ...report.created.map((l) => `  created ${l}`),
      ...report.skipped.map((l) => `  skipped ${l}`),
    ];
  } finally {
    if (!store) own.close();
  }
}
