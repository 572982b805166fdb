/**
 * Custom key store services created on first need, not at start: their code (keystores/, the
 * PKCS#11 binding, the XKS client) is loaded only by a server whose clients use custom key stores.
 *
 * When they are needed (the pipeline asks {@link KeyStoreServicesLoader.neededFor} before an
 * operation runs, while they are not created; once created they stay):
 * - a custom key store operation (Create/Describe/Update/Delete/Connect/DisconnectCustomKeyStore);
 * - a request naming a store (`CustomKeyStoreId`: CreateKey, GenerateRandom) or a custom key store
 *   origin (CreateKey `Origin` AWS_CLOUDHSM / EXTERNAL_KEY_STORE);
 * - any request once the store holds a custom key store: then any key may be in one, and its state
 *   and crypto need the services. A key in a store cannot outlive its store (DeleteCustomKeyStore
 *   refuses a store with keys), so without stores no key needs them. Whether the store holds one is
 *   read once and again only after the store's caches are dropped (a write here, or another worker's
 *   write announced before its reply): a store created by another worker is seen before any client
 *   can know of it.
 *
 * The server also creates them at start when the data directory already holds custom key stores
 * (or for `--key-store-fixtures`): see components.ts.
 *
 * @module
 */
import { OnFirstUse } from '../../common/on-first-use.js';
import type { KeyStore } from '../store/store.js';
import type { KeyStoreServices, KeyStoreServicesOnDemand } from './context.js';

const KEY_STORE_ORIGINS: ReadonlySet<unknown> = new Set(['AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']);

/** Whether a request names a custom key store or its origin, or is a custom key store operation. */
export function namesCustomKeyStore(operation: string, input: unknown): boolean {
  if (operation.endsWith('CustomKeyStore') || operation === 'DescribeCustomKeyStores') return true;
  if (typeof input !== 'object' || input === null) return false;
  const i = input as { CustomKeyStoreId?: unknown; Origin?: unknown };
  return i.CustomKeyStoreId !== undefined || KEY_STORE_ORIGINS.has(i.Origin);
}

/** Whether `store` holds a custom key store (the table is made by keystores/sqlite-repository.ts on first use). */
export function holdsCustomKeyStores(store: KeyStore): boolean {
  const table = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'custom_key_stores'").pluck().get();
  return table !== undefined && store.db.prepare('SELECT 1 FROM custom_key_stores LIMIT 1').pluck().get() !== undefined;
}

export class KeyStoreServicesLoader implements KeyStoreServicesOnDemand {
  private readonly services: OnFirstUse<KeyStoreServices>;
  /** {@link holdsCustomKeyStores}, read once per cache generation of the store. */
  private holds: boolean | undefined;

  constructor(
    private readonly store: KeyStore,
    create: () => Promise<KeyStoreServices>,
  ) {
    this.services = new OnFirstUse(create);
    store.onInvalidate(() => (this.holds = undefined));
  }

  get current(): KeyStoreServices | undefined {
    return this.services.current;
  }

  load(): Promise<KeyStoreServices> {
    return this.services.load();
  }

  neededFor(operation: string, input: unknown): boolean {
    if (namesCustomKeyStore(operation, input)) return true;
    this.holds ??= holdsCustomKeyStores(this.store);
    return this.holds;
  }
}
