/**
 * Starting the reference KMS server: in-process (one event loop, for tests and the embedded
 * harness target) or as a cluster of worker processes sharing one port and one store.
 *
 * ```ts
 * const server = await startServer({ port: 0, dataDir: '/tmp/kms' });
 * // ... point @aws-sdk/client-kms at server.url with credentials test/test ...
 * await server.close();
 * ```
 *
 * @module
 */
import cluster, { type Worker } from 'node:cluster';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AuditLog, nullAuditSink, type AuditSink } from './audit/audit-log.js';
import { CredentialStore, createCredentialStore } from './auth/credentials.js';
import { OffsetClock } from './clock/clock.js';
import { parseFaults } from './faults.js';
import { selectEncryptionContextEncoder } from './hsm/encryption-context.js';
import { loadMasterKey, openKeyMaterial, sealKeyMaterial } from './hsm/master-key.js';
import { Keyring } from './keys/keyring.js';
import { readClockOffset } from './protocol/control.js';
import { createHttpServer } from './protocol/http-edge.js';
import { closeHttp1Server } from './protocol/http1-server.js';
import { Pipeline } from './protocol/pipeline.js';
import { lockDataDir } from './store/lock.js';
import type { RouteReply } from './protocol/http-edge.js';
import {
  LocalAdmission,
  mergeMetrics,
  prometheusText,
  rateResolver,
  type Admission,
  type QuotaMetrics,
  type QuotaSettings,
} from './quota/admission.js';
import { LeaseCoordinator } from './quota/lease-coordinator.js';
import { isQuotaMessage } from './quota/lease-protocol.js';
import { QuotaConfigError } from '../common/quota/profiles.js';
import { monotonicNs } from '../common/quota/token-bucket.js';
import { KeyStore } from './store/store.js';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the store, master key and audit log live. Default `.kmsbench/data`. */
  dataDir?: string;
  region?: string;
  /** Account of the default `test`/`test` credentials (ignored with `credentialsFile`). */
  account?: string;
  credentialsFile?: string;
  /** Worker processes; 1 runs in this process. Default 1 (the CLI defaults to the core count). */
  workers?: number;
  /** Deliberate faults (test-only; see faults.ts). */
  faults?: string[];
  /** Write the audit log (default true). */
  audit?: boolean;
  /** `FULL` makes commits survive power loss too (default `NORMAL`: survives process crashes). */
  synchronous?: 'NORMAL' | 'FULL';
  /** Request quotas (default: on, the Region's current AWS defaults). */
  quotas?: {
    enabled?: boolean;
    /** Built-in profile: `current` (default), `tier-50k`, `tier-30k`, `2018`, `legacy-2017`. */
    profile?: string;
    /** A JSON quota file (see reference-impl/quota/README.md); replaces `profile`. */
    file?: string;
    /** `CLASS=RATE` (or `burst-seconds=N`) overrides. */
    overrides?: string[];
    /** This server enforces 1/N of each quota (N servers serving one account). */
    share?: number;
  };
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4599,
  dataDir: '.kmsbench/data',
  region: 'us-east-1',
  account: '111122223333',
} as const;

export type ResolvedOptions = Required<Omit<ServerOptions, 'credentialsFile' | 'quotas'>> & {
  credentialsFile?: string;
  quotas: QuotaSettings;
};

function readQuotaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new QuotaConfigError(`cannot read quota file ${path}: ${(e as Error).message}`);
  }
}

/** Fills in defaults and reads/checks the quota configuration (throws QuotaConfigError on bad input). */
export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  const q = options.quotas ?? {};
  const quotas: QuotaSettings = {
    enabled: q.enabled ?? true,
    profile: q.profile ?? 'current',
    overrides: q.overrides ?? [],
    share: q.share ?? 1,
    ...(q.file !== undefined ? { quotaFileText: readQuotaFile(q.file) } : {}),
  };
  rateResolver(quotas); // fail early, in the caller's process, on a bad profile/file/override/share
  return {
    quotas,
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    dataDir: options.dataDir ?? DEFAULTS.dataDir,
    region: options.region ?? DEFAULTS.region,
    account: options.account ?? DEFAULTS.account,
    credentialsFile: options.credentialsFile,
    workers: Math.max(1, options.workers ?? 1),
    faults: options.faults ?? [],
    audit: options.audit ?? true,
    synchronous: options.synchronous ?? 'NORMAL',
  };
}

/** Everything one serving process needs, wired together. */
export interface ServerComponents {
  store: KeyStore;
  keyring: Keyring;
  pipeline: Pipeline;
  audit: AuditSink;
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
      : options.account === DEFAULTS.account
        ? CredentialStore.default()
        : CredentialStore.fromRecords([
            { accessKeyId: 'test', secretAccessKey: 'test', accountId: options.account, arn: `arn:aws:iam::${options.account}:root` },
          ]);
  const { key: master } = await loadMasterKey({ dataDir: options.dataDir });
  const store = new KeyStore({ path: join(options.dataDir, 'kms.sqlite'), synchronous: options.synchronous, coherence: 'notified' });
  const keyring = new Keyring(store, {
    seal: (material, keyArn, version) => sealKeyMaterial(master, material, { keyArn, backingKeyVersion: version }),
    open: (sealed, keyArn, version) => openKeyMaterial(master, sealed, { keyArn, backingKeyVersion: version }),
  });
  const clock = new OffsetClock(() => readClockOffset(store));
  const audit = options.audit ? new AuditLog(join(options.dataDir, 'audit.log')) : nullAuditSink;
  const admission = options.quotas.enabled ? (extras.admission ?? new LocalAdmission(options.quotas)) : undefined;
  const metrics = extras.metrics ?? (() => admission?.metrics() ?? { counters: {}, buckets: [] });
  const pipeline = new Pipeline({
    region: options.region,
    keyring,
    credentials,
    clock,
    encodeContext: selectEncryptionContextEncoder(faults.has('ec-concat') ? 'ec-concat' : 'canonical'),
    faults,
    audit,
    admission,
    control: { metrics },
    announceWrite: extras.announceWrite,
  });
  const routes = {
    '/_kmsbench/metrics': async () => ({ contentType: 'text/plain; version=0.0.4', body: prometheusText(await metrics()) }),
  };
  const sweeper = setInterval(() => {
    try {
      store.sync();
      const writes = store.writeCount;
      keyring.sweep(clock.now());
      if (store.writeCount !== writes) void extras.announceWrite?.();
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
    routes,
    async close() {
      clearInterval(sweeper);
      await audit.close();
      store.close();
    },
  };
}

/** Serves in this process. */
async function startInProcess(options: ResolvedOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  let components: ServerComponents;
  try {
    components = await createComponents(options);
  } catch (e) {
    unlock();
    throw e;
  }
  const http = createHttpServer(components.pipeline, { getRoutes: components.routes });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${formatHost(options.host)}:${port}`,
    host: options.host,
    port,
    async close() {
      await closeHttp1Server(http);
      await components.close();
      unlock();
    },
  };
}

const formatHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Forks `workers` processes that share one listening port (node:cluster). */
async function startCluster(options: ResolvedOptions): Promise<RunningServer> {
  const runningFromSource = import.meta.url.endsWith('.ts');
  cluster.setupPrimary({
    exec: new URL(runningFromSource ? './worker.ts' : './worker.js', import.meta.url).pathname,
    // KMSBENCH_WORKER_NODE_ARGS passes extra node flags to workers, e.g. '--cpu-prof' for profiling.
    execArgv: [...(runningFromSource ? ['--import', 'tsx'] : []), ...(process.env.KMSBENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    silent: false,
  });
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  const workers: Worker[] = [];
  try {
    // Create the master key and schema once, before workers race for them.
    const boot = await createComponents({ ...options, audit: false });
    await boot.close();
    for (let i = 0; i < options.workers; i++) workers.push(cluster.fork({ KMSBENCH_WORKER_OPTIONS: JSON.stringify(options) }));
  } catch (e) {
    unlock();
    throw e;
  }
  relayWriteAnnouncements(workers);
  if (options.quotas.enabled) coordinateQuotas(workers, options.quotas);
  let port: number;
  try {
    port = await Promise.all(
      workers.map(
        (w) =>
          new Promise<number>((resolve, reject) => {
            w.once('message', (m: { type?: string; port?: number; error?: string }) => {
              if (m?.type === 'listening' && typeof m.port === 'number') resolve(m.port);
              else reject(new Error(m?.error ?? 'worker failed to start'));
            });
            w.once('exit', (code) => reject(new Error(`worker exited with code ${code} during start-up`)));
          }),
      ),
    ).then((ports) => ports[0]!);
  } catch (e) {
    // One worker failed: stop the others, or they keep this process alive and `serve` never exits.
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGKILL');
          }),
      ),
    );
    unlock();
    throw e;
  }
  let closing = false;
  for (const w of workers) {
    w.on('exit', (code, signal) => {
      if (!closing) process.stderr.write(`kmsbench: worker ${w.process.pid} exited (${signal ?? code})\n`);
    });
  }
  return {
    url: `http://${formatHost(options.host)}:${port}`,
    host: options.host,
    port,
    async close() {
      closing = true;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              // Ctrl-C signals the whole process group: the worker may already be exiting and
              // its channel closed. Without a callback a failed send is an 'error' event that
              // crashes the primary (exit 1 instead of 0).
              if (w.isConnected()) w.send({ type: 'shutdown' }, () => {});
              setTimeout(() => w.kill('SIGKILL'), 5000).unref();
            }),
        ),
      );
      unlock();
    },
  };
}

/**
 * The primary's half of the quota stage: it owns every bucket (a LeaseCoordinator) and grants
 * workers small token leases; it also answers `{type:'metrics?'}` with the whole cluster's
 * metrics (every worker's counters, the coordinator's bucket levels).
 */
function coordinateQuotas(workers: Worker[], settings: QuotaSettings): void {
  const coordinator = new LeaseCoordinator({ rates: rateResolver(settings) });
  let nextQuery = 0;
  for (const w of workers) {
    w.on('message', (m: unknown) => {
      if (isQuotaMessage(m)) {
        if (m.type === 'kms-quota/grant') return;
        const grant = coordinator.handle(m, monotonicNs());
        if (grant) safeSend(w, grant);
        return;
      }
      const q = m as { type?: string; id?: number };
      if (q?.type !== 'metrics?') return;
      const live = workers.filter((x) => !x.isDead() && x.isConnected());
      const query = ++nextQuery;
      const parts: QuotaMetrics[] = [];
      let pending = live.length;
      const done = () => {
        safeSend(w, { type: 'metrics', id: q.id, metrics: mergeMetrics(parts, coordinator.snapshot(monotonicNs())) });
      };
      const timer = setTimeout(() => {
        pending = -1;
        done();
      }, 1000);
      for (const x of live) {
        const onReply = (r: { type?: string; query?: number; metrics?: QuotaMetrics }) => {
          if (r?.type !== 'counters' || r.query !== query) return;
          x.off('message', onReply);
          parts.push(r.metrics!);
          if (--pending === 0) {
            clearTimeout(timer);
            done();
          }
        };
        x.on('message', onReply);
        safeSend(x, { type: 'counters?', query });
      }
    });
    w.on('exit', () => coordinator.workerExited(w.id));
  }
}

/** Sends to a worker that may be exiting; a failed send is the worker's exit, handled elsewhere. */
function safeSend(w: Worker, message: object): void {
  if (!w.isConnected()) return;
  try {
    w.send(message, () => {});
  } catch {
    // channel closed between the check and the send
  }
}

/** How long a write waits for sibling workers to drop their caches before it is acknowledged anyway. */
export const ANNOUNCE_TIMEOUT_MS = 2000;

/**
 * The primary's half of write announcements: a worker that wrote sends `{type:'wrote', id}`;
 * every other live worker gets `{type:'invalidate'}` and answers `{type:'invalidated'}`; when
 * all have answered (or died, or the timeout passed) the writer gets `{type:'announced', id}`.
 */
function relayWriteAnnouncements(workers: Worker[]): void {
  for (const writer of workers) {
    writer.on('message', (m: { type?: string; id?: number }) => {
      if (m?.type !== 'wrote') return;
      const others = workers.filter((w) => w !== writer && !w.isDead() && w.isConnected());
      let pending = others.length;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        safeSend(writer, { type: 'announced', id: m.id });
      };
      const timer = setTimeout(finish, ANNOUNCE_TIMEOUT_MS);
      if (pending === 0) return finish();
      for (const w of others) {
        const onAck = (a: { type?: string; id?: number }) => {
          if (a?.type !== 'invalidated' || a.id !== m.id) return;
          w.off('message', onAck);
          w.off('exit', onExit);
          if (--pending === 0) finish();
        };
        const onExit = () => {
          w.off('message', onAck);
          if (--pending === 0) finish();
        };
        w.on('message', onAck);
        w.once('exit', onExit);
        safeSend(w, { type: 'invalidate', id: m.id, from: writer.id });
      }
    });
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveOptions(options);
  return resolved.workers > 1 ? startCluster(resolved) : startInProcess(resolved);
}

export const defaultWorkerCount = (): number => availableParallelism();
