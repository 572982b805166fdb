/**
 * Entry point of one cluster worker process (forked by ./primary.ts): serves on the port the
 * cluster shares, reports `listening` to the primary, announces its writes to its siblings through
 * the primary (./relays.ts), drops its caches when a sibling wrote, admits requests from quota
 * leases, and shuts down on `shutdown` or when the primary goes away. Messages:
 * ./cluster-messages.ts.
 *
 * @module
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { createComponents, type ServerComponents } from '../components.js';
import { createHttpServer } from '../protocol/http-edge.js';
import { closeHttp1Server } from '../protocol/http1-server.js';
import { LeaseAdmission, type QuotaMetrics } from '../quota/admission.js';
import type { ResolvedOptions } from '../server-options.js';
import { isFromPrimary, type WorkerToPrimary } from './cluster-messages.js';

const options = JSON.parse(process.env.KMSBENCH_WORKER_OPTIONS ?? '{}') as ResolvedOptions;
const workerId = cluster.worker?.id ?? 0;

/** Sends to the primary; false when there is none (or the channel is closed). */
const toPrimary = (m: WorkerToPrimary): boolean => process.send?.(m) ?? false;

let nextAnnouncement = 0;
const waitingForAnnouncement = new Map<number, () => void>();

/** Resolves once every sibling has dropped its caches (or the primary gave up waiting). */
function announceWrite(options: { flushAudit?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const id = workerId * 1e9 + ++nextAnnouncement;
    waitingForAnnouncement.set(id, resolve);
    if (!toPrimary({ type: 'wrote', id, ...(options.flushAudit ? { flushAudit: true } : {}) })) {
      // No primary to tell: nobody else can hold a stale cache.
      waitingForAnnouncement.delete(id);
      resolve();
    }
  });
}

let nextMetricsQuery = 0;
const waitingForMetrics = new Map<number, (m: QuotaMetrics) => void>();

/** Metrics of the whole cluster, collected by the primary. */
function clusterMetrics(): Promise<QuotaMetrics> {
  return new Promise((resolve) => {
    const id = ++nextMetricsQuery;
    waitingForMetrics.set(id, resolve);
    if (!toPrimary({ type: 'metrics?', id })) {
      waitingForMetrics.delete(id);
      resolve(admission?.metrics() ?? { counters: {}, buckets: [] });
    }
  });
}

const admission = options.quotas.enabled ? new LeaseAdmission(workerId, toPrimary) : undefined;

let components: ServerComponents | undefined;
try {
  components = await createComponents(options, { announceWrite, admission, metrics: clusterMetrics });
  const { store } = components;
  const http = createHttpServer(components.pipeline, { getRoutes: components.routes, postRoutes: components.postRoutes });
  process.on('message', (m: unknown) => {
    if (!isFromPrimary(m)) return;
    switch (m.type) {
      case 'kms-quota/grant':
        admission?.onMessage(m);
        break;
      case 'counters?':
        toPrimary({ type: 'counters', query: m.query, metrics: admission?.metrics() ?? { counters: {}, buckets: [] } });
        break;
      case 'metrics':
        waitingForMetrics.get(m.id)?.(m.metrics);
        waitingForMetrics.delete(m.id);
        break;
      case 'invalidate':
        store.invalidate();
        if (m.flushAudit) {
          const answer = () => void toPrimary({ type: 'invalidated', id: m.id });
          void (components!.audit.drain?.() ?? Promise.resolve()).then(answer, answer);
        } else toPrimary({ type: 'invalidated', id: m.id });
        break;
      case 'announced':
        waitingForAnnouncement.get(m.id)?.();
        waitingForAnnouncement.delete(m.id);
        break;
      case 'shutdown':
        void shutdown();
        break;
    }
  });
  http.once('error', (e: Error) => {
    toPrimary({ type: 'error', error: `cannot listen on ${options.host}:${options.port}: ${e.message}` });
    process.exit(1);
  });
  http.listen(options.port, options.host, () => {
    toPrimary({ type: 'listening', port: (http.address() as AddressInfo).port });
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await closeHttp1Server(http);
    await components!.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('disconnect', () => void shutdown());
} catch (e) {
  toPrimary({ type: 'error', error: (e as Error).message });
  process.exit(1);
}
