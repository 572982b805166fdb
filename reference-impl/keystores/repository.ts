/**
 * Where custom key store records live. The server's SQLite store can implement this interface;
 * {@link InMemoryCustomKeyStoreRepository} serves tests and single-process runs.
 *
 * @module
 */
import type { CustomKeyStoreRecord } from './model.js';

export interface CustomKeyStoreRepository {
  get(account: string, region: string, id: string): CustomKeyStoreRecord | undefined;
  /** Every store of the account in the Region, sorted by id. */
  list(account: string, region: string): readonly CustomKeyStoreRecord[];
  /** Insert or replace by id. */
  put(record: CustomKeyStoreRecord): void;
  delete(account: string, region: string, id: string): void;
  /** KMS keys in the store, in any key state (PendingDeletion included). */
  countKeys(account: string, region: string, id: string): number;
}

const slot = (account: string, region: string): string => `${account}/${region}`;

export class InMemoryCustomKeyStoreRepository implements CustomKeyStoreRepository {
  readonly #stores = new Map<string, Map<string, CustomKeyStoreRecord>>();

  /** `countKeys` asks the key store how many KMS keys name this custom key store. */
  constructor(private readonly keysIn: (account: string, region: string, id: string) => number = () => 0) {}

  get(account: string, region: string, id: string): CustomKeyStoreRecord | undefined {
    return this.#stores.get(slot(account, region))?.get(id);
  }

  list(account: string, region: string): readonly CustomKeyStoreRecord[] {
    return [...(this.#stores.get(slot(account, region))?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  put(record: CustomKeyStoreRecord): void {
    const key = slot(record.account, record.region);
    let m = this.#stores.get(key);
    if (!m) this.#stores.set(key, (m = new Map()));
    m.set(record.id, record);
  }

  delete(account: string, region: string, id: string): void {
    this.#stores.get(slot(account, region))?.delete(id);
  }

  countKeys(account: string, region: string, id: string): number {
    return this.keysIn(account, region, id);
  }
}
