/**
 * The custom key store services of one serving process: their records in the store (sealed under
 * the master key), the CloudHSM backend (PKCS#11 where a module is available, else software; the
 * fixtures' clusters with `--key-store-fixtures`) and the XKS client. Loaded by components.ts only
 * when they are needed (ops/key-store-services.ts says when), so this module and keystores/ are not
 * part of a server's start.
 *
 * @module
 */
import { openKeyMaterial, sealKeyMaterial } from './hsm/master-key.js';
import {
  checkGenerateRandom,
  createKeyInStore,
  decryptInStore,
  effectiveKeyState,
  encryptInStore,
  HttpXksProxyClient,
  Pkcs11CloudHsm,
  pkcs11Availability,
  SoftwareCloudHsm,
  type CloudHsmBackend,
} from './keystores/index.js';
import { FixtureCloudHsm } from './keystores/fixtures.js';
import { SqliteCustomKeyStoreRepository } from './keystores/sqlite-repository.js';
import type { KeyStoreServices } from './ops/context.js';
import type { ResolvedOptions } from './server-options.js';
import type { KeyStore } from './store/store.js';

export { fixtureDescription } from './keystores/fixtures.js';

/** The XKS timeout when fixtures run on a busy machine (AWS's 250 ms would make runs flaky). */
const FIXTURE_XKS_TIMEOUT_MS = 5000;

export interface KeyStoreBackendOptions {
  /** For tests: the CloudHSM backend (default: PKCS#11 where a module is available, else software). */
  cloudHsm?: CloudHsmBackend;
  /** For tests: receives custom key store background work (connection attempts). */
  trackKeyStoreWork?: (work: Promise<void>) => void;
}

/** Custom key stores: records in the store (sealed under the master key), the backends behind them. */
export function keyStoreServices(options: ResolvedOptions, extras: KeyStoreBackendOptions, store: KeyStore, master: Buffer): KeyStoreServices {
  const cloudHsm =
    extras.cloudHsm ?? (options.keyStoreFixtures ? new FixtureCloudHsm() : pkcs11Availability().ok ? new Pkcs11CloudHsm() : new SoftwareCloudHsm());
  const services: KeyStoreServices = {
    repo: new SqliteCustomKeyStoreRepository(store, {
      seal: (plain, binding) => sealKeyMaterial(master, plain, { keyArn: binding, backingKeyVersion: 0 }),
      open: (sealed, binding) => openKeyMaterial(master, sealed, { keyArn: binding, backingKeyVersion: 0 }),
    }),
    cloudHsm,
    xks: new HttpXksProxyClient({
      resolve: (endpoint) => options.xksProxies[endpoint] ?? endpoint,
      timeoutMs: options.xksTimeoutMs ?? (options.keyStoreFixtures ? FIXTURE_XKS_TIMEOUT_MS : undefined),
    }),
    logic: { checkGenerateRandom, createKeyInStore, decryptInStore, effectiveKeyState, encryptInStore },
  };
  if (extras.trackKeyStoreWork) services.track = extras.trackKeyStoreWork;
  return services;
}
