/**
 * One serving process, wired together: credentials, master key, store, keyring, clock, audit log,
 * quota stage and the pipeline, plus the lifecycle sweeper. The server builds one in-process or
 * one per cluster worker (cluster/cluster-worker.ts, which adds write announcements and leased
 * quotas through {@link ComponentExtras}).
 *
 * @module
 */
import { join } from 'node:path';
import { AuditLog, nullAuditSink, type AuditSink } from './audit/audit-log.js';
import { CredentialStore, createCredentialStore } from './auth/credentials.js';
import { OffsetClock } from './clock/clock.js';
import { parseFaults } from './faults.js';
import { selectEncryptionContextEncoder } from './hsm/encryption-context.js';
import { deriveGrantTokenKey, openKeyMaterial, sealKeyMaterial } from './hsm/master-key.js';
import { openDataDir } from './data-dir.js';
import { Keyring } from './keys/keyring.js';
import { keyPairSourceFor } from './hsm/key-pair-source.js';
import { readClockOffset } from './protocol/control.js';
import type { EdgeOptions, RouteReply } from './protocol/http-edge.js';
import { Pipeline } from './protocol/pipeline.js';
import { LocalAdmission, prometheusText, type Admission, type QuotaMetrics } from './quota/admission.js';
import { DEFAULTS, type ResolvedOptions } from './server-options.js';
import { Injector } from './inject/injector.js';
import { injectionPrometheusText } from './inject/injection-metrics.js';
import type { KeyStore } from './store/store.js';
import { HttpXksProxyClient, Pkcs11CloudHsm, pkcs11Availability, SoftwareCloudHsm, type CloudHsmBackend } from './keystores/index.js';
import { FixtureCloudHsm, fixtureDescription } from './keystores/fixtures.js';
import { SqliteCustomKeyStoreRepository } from './keystores/sqlite-repository.js';
import type { KeyStoreServices } from './ops/context.js';

/** Everything one serving process needs, wired together. */
export interface ServerComponents {
  store: KeyStore;
  keyring: Keyring;
  pipeline: Pipeline;
  audit: AuditSink;
  /** The injection stage (its counters go into the metrics). */
  injection: Injector;
  /** GET routes outside the AWS API (metrics). */
  routes: Record<string, () => Promise<RouteReply>>;
  close(): Promise<void>;
}

export const SWEEP_INTERVAL_MS = 1000;

export interface ComponentExtras {
  /** Set in cluster workers: announce writes to the other workers (see Pipeline). */
  announceWrite?: () => Promise<void>;
  /** Set in cluster workers: the lease-based quota stage. Default: one in-process limiter. */
  admission?: Admission;
  /** Set in cluster workers: metrics of the whole cluster (asked of the primary). */
  metrics?: () => Promise<QuotaMetrics>;
  /** For tests: the CloudHSM backend (default: PKCS#11 where a module is available, else software). */
  cloudHsm?: CloudHsmBackend;
  /** For tests: receives custom key store background work (connection attempts). */
  trackKeyStoreWork?: (work: Promise<void>) => void;
}

/** The XKS timeout when fixtures run on a busy machine (AWS's 250 ms would make runs flaky). */
const FIXTURE_XKS_TIMEOUT_MS = 5000;

/** Custom key stores: records in the store (sealed under the master key), the backends behind them. */
function keyStoreServices(options: ResolvedOptions, extras: ComponentExtras, store: KeyStore, master: Buffer): KeyStoreServices {
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
  };
  if (extras.trackKeyStoreWork) services.track = extras.trackKeyStoreWork;
  return services;
}

/** How the HTTP edge of a serving process is set up: its deadlines, its cap, and the audit flush before replies. */
export function edgeOptions(options: ResolvedOptions, components: ServerComponents): EdgeOptions {
  const { audit } = components;
  return {
    getRoutes: components.routes,
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    maxConnections: options.maxConnections,
    // Every reply's audit line is written before the reply (one write per event-loop turn).
    beforeWrite: audit === nullAuditSink ? undefined : () => audit.flushSync(),
  };
}

/**
 * Builds one serving process. The caller must own the data directory (see store/lock.ts):
 * caches are trusted between writes, which this process or its sibling workers announce.
 */
export async function createComponents(options: ResolvedOptions, extras: ComponentExtras = {}): Promise<ServerComponents> {
  const faults = parseFaults(options.faults);
  const credentials =
    options.credentialsFile !== undefined
      ? createCredentialStore(options.credentialsFile)
      : options.credentials !== undefined
        ? CredentialStore.fromConfig(options.credentials, 'credentials option')
        : options.account === DEFAULTS.account
        ? CredentialStore.default()
        : CredentialStore.fromRecords([
            { accessKeyId: 'test', secretAccessKey: 'test', accountId: options.account, arn: `arn:aws:iam::${options.account}:root` },
          ]);
  const { master, store } = await openDataDir(options.dataDir, { synchronous: options.synchronous, coherence: 'notified' });
  const keyring = new Keyring(
    store,
    {
      seal: (material, keyArn, version) => sealKeyMaterial(master, material, { keyArn, backingKeyVersion: version }),
      open: (sealed, keyArn, version) => openKeyMaterial(master, sealed, { keyArn, backingKeyVersion: version }),
    },
    { importTokenKey: master, ignoreExpiry: faults.has('import-ignores-expiry'), keyPairs: keyPairSourceFor(options.keyPairs) },
  );
  const clock = new OffsetClock(() => readClockOffset(store));
  keyring.lastUsage.start(clock.now());
  const audit = options.audit ? new AuditLog(join(options.dataDir, 'audit.log'), { sync: options.synchronous === 'FULL' }) : nullAuditSink;
  const admission = options.quotas.enabled ? (extras.admission ?? new LocalAdmission(options.quotas)) : undefined;
  // The server's own settings replace whatever a SetInjection of an earlier run left in the store.
  const injection = new Injector(store);
  Injector.write(store, options.inject);
  const metrics = extras.metrics ?? ((): QuotaMetrics => ({ ...(admission?.metrics() ?? { counters: {}, buckets: [] }), injected: injection.counters() }));
  const pipeline = new Pipeline({
    region: options.region,
    keyring,
    credentials,
    clock,
    encodeContext: selectEncryptionContextEncoder(faults.has('ec-concat') ? 'ec-concat' : 'canonical'),
    faults,
    audit,
    admission,
    grantTokenKey: deriveGrantTokenKey(master),
    control: { metrics, injection, ...(options.keyStoreFixtures ? { keyStoreFixtures: fixtureDescription() } : {}) },
    keyStores: keyStoreServices(options, extras, store, master),
    announceWrite: extras.announceWrite,
    injection,
  });
  const routes = {
    '/_kmsbench/metrics': async () => ({ contentType: 'text/plain; version=0.0.4', body: withInjected(await metrics()) }),
  };
  const sweeper = setInterval(() => {
    try {
      store.sync();
      const writes = store.writeCount;
      keyring.sweep(clock.now());
      if (store.writeCount !== writes) void extras.announceWrite?.();
      keyring.lastUsage.flush();
    } catch {
      // A busy store is retried on the next tick.
    }
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  return {
    store,
    keyring,
    pipeline,
    audit,
    injection,
    routes,
    async close() {
      clearInterval(sweeper);
      try {
        keyring.lastUsage.flush();
      } catch {
        // Last uses of the final second are lost: GetKeyLastUsage is eventually consistent.
      }
      await audit.close();
      store.close();
    },
  };
}

/** The quota metrics and, when anything was injected, the injection counters. */
const withInjected = (m: QuotaMetrics): string => prometheusText(m) + injectionPrometheusText(m.injected ?? {});
