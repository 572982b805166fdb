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
import { CredentialStore } from './auth/credentials.js';
import { OffsetClock } from './clock/clock.js';
import { parseFaults } from './faults.js';
import { selectEncryptionContextEncoder } from './hsm/encryption-context.js';
import { deriveGrantTokenKey, openKeyMaterial, sealKeyMaterial } from './hsm/master-key.js';
import { openDataDir } from './data-dir.js';
import { Keyring } from './keys/keyring.js';
import { keyPairSourceFor } from './hsm/key-pair-source.js';
import { readClockOffset } from './protocol/control.js';
import type { EdgeOptions, Route } from './protocol/http-edge.js';
import { kmsbenchRoutes } from './protocol/routes.js';
import { PermissiveCredentials } from './auth/permissive.js';
import { toolVersion } from '../common/tool-version.js';
import { applySeedFile } from './seed-data-dir.js';
import { Pipeline } from './protocol/pipeline.js';
import { OnFirstUse } from '../common/on-first-use.js';
import { LocalAdmission, prometheusText, type Admission, type QuotaMetrics } from './quota/admission.js';
import { DEFAULTS, type ResolvedOptions } from './server-options.js';
import { Injector } from './inject/injector.js';
import { injectionPrometheusText } from './inject/injection-metrics.js';
import type { KeyStore } from './store/store.js';
import type { KeyStoreBackendOptions } from './key-store-backends.js';
import { holdsCustomKeyStores, KeyStoreServicesLoader } from './ops/key-store-services.js';

/** Everything one serving process needs, wired together. */
export interface ServerComponents {
  store: KeyStore;
  keyring: Keyring;
  pipeline: Pipeline;
  audit: AuditSink;
  /** The injection stage (its counters go into the metrics). */
  injection: Injector;
  /** GET routes outside the AWS API (health, usage, metrics). */
  routes: Record<string, Route>;
  /** POST routes outside the AWS API (reset). */
  postRoutes: Record<string, Route>;
  /** Applies the seed file, if any (once per start, by the process that starts first); returns the operator notices. */
  seed(): Promise<string[]>;
  close(): Promise<void>;
}

export const SWEEP_INTERVAL_MS = 1000;

export interface ComponentExtras {
  /** Set in cluster workers: announce writes to the other workers (see Pipeline); `flushAudit` also has them write out their audit buffers. */
  announceWrite?: (options?: { flushAudit?: boolean }) => Promise<void>;
  /** Set in cluster workers: the lease-based quota stage. Default: one in-process limiter. */
  admission?: Admission;
  /** Set in cluster workers: metrics of the whole cluster (asked of the primary). */
  metrics?: () => Promise<QuotaMetrics>;
  /** For tests: the CloudHSM backend and a receiver of background work (key-store-backends.ts). */
  cloudHsm?: KeyStoreBackendOptions['cloudHsm'];
  trackKeyStoreWork?: KeyStoreBackendOptions['trackKeyStoreWork'];
}

/** How the HTTP edge of a serving process is set up: its deadlines, its cap, and the audit flush before replies. */
export function edgeOptions(options: ResolvedOptions, components: ServerComponents): EdgeOptions {
  const { audit } = components;
  return {
    getRoutes: components.routes,
    postRoutes: components.postRoutes,
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    maxConnections: options.maxConnections,
    // Every reply's audit line is written before the reply (one write per event-loop turn).
    beforeWrite: audit === nullAuditSink ? undefined : () => audit.flushSync(),
  };
}

/** The principals a server accepts: the default one, or those of its credentials (file or option), whose module (zod, the policy engine for identity policies) is loaded only then. */
async function credentialStoreFor(options: ResolvedOptions): Promise<CredentialStore> {
  if (options.credentialsFile === undefined && options.credentials === undefined) {
    return options.account === DEFAULTS.account
      ? CredentialStore.default()
      : CredentialStore.fromRecords([{ accessKeyId: 'test', secretAccessKey: 'test', accountId: options.account, arn: `arn:aws:iam::${options.account}:root` }]);
  }
  const file = await import('./auth/credentials-file.js');
  return options.credentialsFile !== undefined
    ? file.loadCredentialsFile(options.credentialsFile)
    : file.credentialStoreFromConfig(options.credentials!, 'credentials option');
}

/**
 * Builds one serving process. The caller must own the data directory (see store/lock.ts):
 * caches are trusted between writes, which this process or its sibling workers announce.
 */
export async function createComponents(options: ResolvedOptions, extras: ComponentExtras = {}): Promise<ServerComponents> {
  const faults = parseFaults(options.faults);
  const credentials = await credentialStoreFor(options);
  const opened = await openDataDir(options.dataDir, { synchronous: options.synchronous, coherence: 'notified' });
  const auditSink = options.audit ? new AuditLog(join(options.dataDir, 'audit.log'), { sync: options.synchronous === 'FULL' }) : nullAuditSink;
  try {
    return await assemble(options, extras, { ...opened, faults, credentials, audit: auditSink });
  } catch (e) {
    // Nothing is left open behind a failed start: the store's database handles and the audit file.
    await auditSink.close().catch(() => undefined);
    opened.store.close();
    throw e;
  }
}

type Opened = Awaited<ReturnType<typeof openDataDir>> & {
  faults: ReturnType<typeof parseFaults>;
  credentials: Awaited<ReturnType<typeof credentialStoreFor>>;
  audit: AuditSink;
};

/** Everything a serving process holds, built on an opened data dir and audit sink. */
async function assemble(options: ResolvedOptions, extras: ComponentExtras, { master, store, faults, credentials, audit }: Opened): Promise<ServerComponents> {
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
  const admission = options.quotas.enabled ? (extras.admission ?? new LocalAdmission(options.quotas)) : undefined;
  // The server's own settings replace whatever a SetInjection of an earlier run left in the store.
  const injection = new Injector(store);
  Injector.write(store, options.inject);
  const metrics = extras.metrics ?? ((): QuotaMetrics => ({ ...(admission?.metrics() ?? { counters: {}, buckets: [] }), injected: injection.counters() }));
  // Custom key store services: created on first need (ops/key-store-services.ts), at once when the
  // data dir already holds custom key stores, or for the fixtures (or a test's own backend).
  const backends = new OnFirstUse(() => import('./key-store-backends.js'));
  const keyStores = new KeyStoreServicesLoader(store, async () => (await backends.load()).keyStoreServices(options, extras, store, master));
  if (options.keyStoreFixtures || extras.cloudHsm !== undefined || holdsCustomKeyStores(store)) await keyStores.load();
  const fixtures = options.keyStoreFixtures ? backends.current!.fixtureDescription() : undefined;
  const authMode = options.authMode;
  const pipeline = new Pipeline({
    region: options.region,
    keyring,
    credentials: authMode === 'permissive' ? new PermissiveCredentials(credentials, options.account) : credentials,
    authMode,
    strictAws: options.strictAws,
    clock,
    encodeContext: selectEncryptionContextEncoder(faults.has('ec-concat') ? 'ec-concat' : 'canonical'),
    faults,
    audit,
    admission,
    grantTokenKey: deriveGrantTokenKey(master),
    control: { metrics, injection, ...(fixtures ? { keyStoreFixtures: fixtures } : {}) },
    keyStores,
    announceWrite: extras.announceWrite,
    injection,
  });
  const own = kmsbenchRoutes({
    store,
    audit,
    version: toolVersion(),
    startedAt: Date.now(),
    facts: {
      region: options.region,
      account: options.account,
      authMode,
      ephemeral: options.ephemeral,
      strictAws: options.strictAws,
      workers: options.workers,
      dataDir: options.dataDir,
    },
    announce: extras.announceWrite,
    // A reset empties the store, the injection settings with it: the server's own come back.
    reseed: () => {
      Injector.write(store, options.inject);
      return applySeedFile(options, store, master);
    },
  });
  const routes = {
    ...own.get,
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
    postRoutes: own.post,
    seed: () => applySeedFile(options, store, master),
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
