/**
 * Applying the seed file (`--seed`) to an opened data directory, once per start (a cluster's
 * primary does it before its children open the store, so they never race for it) and again after
 * an `--ephemeral` reset. Loads the seed modules (YAML, zod) only when there is a seed file.
 *
 * @module
 */
import { sealKeyMaterial } from './hsm/master-key.js';
import { readClockOffset } from './protocol/control.js';
import type { ResolvedOptions } from './server-options.js';
import type { KeyStore } from './store/store.js';

type SeedOptions = Pick<ResolvedOptions, 'seedFile' | 'account' | 'region'>;

/**
 * Applies `options.seedFile`, if any, to `store` (opened by data-dir.ts, so seeded rows get
 * their integrity tags), sealing material under `master`. Never overwrites a key or alias the
 * store holds. Returns the operator notices: what the seed created and skipped.
 * @throws SeedError (name `SeedError`) for a seed file that cannot be read or applied.
 */
export async function applySeedFile(options: SeedOptions, store: KeyStore, master: Buffer): Promise<string[]> {
  if (options.seedFile === undefined) return [];
  const { readSeedFile } = await import('./seed/read-seed.js');
  const { applySeedPlan } = await import('./seed/apply-seed.js');
  const plan = await readSeedFile(options.seedFile, { account: options.account, region: options.region });
  const report = await applySeedPlan(plan, {
    store,
    seal: (material, keyArn, version) => sealKeyMaterial(master, material, { keyArn, backingKeyVersion: version }),
    now: Date.now() + readClockOffset(store),
  });
  return [
    `seed ${options.seedFile} (${plan.format} format): created ${report.created.length}, skipped ${report.skipped.length}`,
    ...report.created.map((l) => `  created ${l}`),
    ...report.skipped.map((l) => `  skipped ${l}`),
  ];
}
