/**
 * Entry point of one cluster worker: serves on the port the cluster shares, reports
 * `{type: 'listening', port}` to the primary, announces its writes to its siblings through
 * the primary (see `relayWriteAnnouncements` in server.ts), drops its caches when a sibling
 * wrote, and shuts down on `{type: 'shutdown'}` or when the primary goes away.
 *
 * @module
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from './protocol/http-edge.js';
import { closeHttp1Server } from './protocol/http1-server.js';
import { createComponents, type ResolvedOptions, type ServerComponents } from './server.js';
import { LeaseAdmission, type QuotaMetrics } from './quota/admission.js';
import { isQuotaMessage } from './quota/lease-protocol.js';

const options = JSON.parse(process.env.KMSBENCH_WORKER_OPTIONS ?? '{}') as ResolvedOptions;
const workerId = cluster.worker?.id ?? 0;

let nextAnnouncement = 0;
const waitingForAnnouncement = new Map<number, () => void>();

/** Resolves once every sibling has dropped its caches (or the primary gave up waiting). */
function announceWrite(): Promise<void> {
  return new Promise((resolve) => {
    const id = workerId * 1e9 + ++nextAnnouncement;
    waitingForAnnouncement.set(id, resolve);
    if (!process.send?.({ type: 'wrote', id })) {
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
    if (!process.send?.({ type: 'metrics?', id })) {
      waitingForMetrics.delete(id);
      resolve(admission?.metrics() ?? { counters: {}, buckets: [] });
    }
  });
}

const admission = options.quotas.enabled ? new LeaseAdmission(workerId, (m) => process.send?.(m)) : undefined;

let components: ServerComponents | undefined;
try {
  components = await createComponents(options, { announceWrite, admission, metrics: clusterMetrics });
  const { store } = components;
  const http = createHttpServer(components.pipeline, { getRoutes: components.routes });
  process.on('message', (m: { type?: string; id?: number; query?: number; metrics?: QuotaMetrics }) => {
    if (isQuotaMessage(m)) {
      if (m.type === 'kms-quota/grant') admission?.onMessage(m);
    } else if (m?.type === 'counters?') {
      process.send?.({ type: 'counters', query: m.query, metrics: admission?.metrics() ?? { counters: {}, buckets: [] } });
    } else if (m?.type === 'metrics' && m.id !== undefined) {
      waitingForMetrics.get(m.id)?.(m.metrics!);
      waitingForMetrics.delete(m.id);
    } else if (m?.type === 'invalidate') {
      store.invalidate();
      process.send?.({ type: 'invalidated', id: m.id });
    } else if (m?.type === 'announced' && m.id !== undefined) {
      waitingForAnnouncement.get(m.id)?.();
      waitingForAnnouncement.delete(m.id);
    } else if (m?.type === 'shutdown') {
      void shutdown();
    }
  });
  http.once('error', (e: Error) => {
    process.send?.({ type: 'error', error: `cannot listen on ${options.host}:${options.port}: ${e.message}` });
    process.exit(1);
  });
  http.listen(options.port, options.host, () => {
    process.send?.({ type: 'listening', port: (http.address() as AddressInfo).port });
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
  process.send?.({ type: 'error', error: (e as Error).message });
  process.exit(1);
}
