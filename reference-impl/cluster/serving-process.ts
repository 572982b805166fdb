/**
 * One serving process of a cluster — a forked child (./cluster-worker.ts) or the primary itself
 * (./primary.ts): the server's components, plus what being one of several takes: it announces
 * its writes to its siblings through the primary (./relays.ts) and waits until they dropped
 * their caches, drops its own when a sibling wrote, admits requests from quota leases, and asks
 * the primary for the whole cluster's metrics. It does not listen: the primary accepts every
 * connection and hands each to one serving process ({@link Serving.accept}). Messages:
 * ./cluster-messages.ts.
 *
 * @module
 */
import type { Server, Socket } from 'node:net';
import { createComponents, edgeOptions, type ServerComponents } from '../components.js';
import { createHttpServer } from '../protocol/http-edge.js';
import { closeHttp1Server } from '../protocol/http1-server.js';
import { LeaseAdmission, type QuotaMetrics } from '../quota/admission.js';
import type { ResolvedOptions } from '../server-options.js';
import { isFromPrimary } from './cluster-messages.js';
import type { Channel } from './peer.js';

export interface Serving {
  components: ServerComponents;
  /** Serves a connection the primary accepted. */
  accept(socket: Socket): void;
  close(): Promise<void>;
}

export async function startServing(options: ResolvedOptions, channel: Channel, workerId: number): Promise<Serving> {
  let nextAnnouncement = 0;
  const waitingForAnnouncement = new Map<number, () => void>();
  /** Resolves once every sibling has dropped its caches (or the primary gave up waiting). */
  const announceWrite = (announce: { flushAudit?: boolean } = {}): Promise<void> =>
    new Promise((resolve) => {
      const id = workerId * 1e9 + ++nextAnnouncement;
      waitingForAnnouncement.set(id, resolve);
      if (!channel.send({ type: 'wrote', id, ...(announce.flushAudit ? { flushAudit: true } : {}) })) {
        // No primary to tell: nobody else can hold a stale cache.
        waitingForAnnouncement.delete(id);
        resolve();
      }
    });

  const admission = options.quotas.enabled ? new LeaseAdmission(workerId, (m) => void channel.send(m)) : undefined;
  let nextMetricsQuery = 0;
  const waitingForMetrics = new Map<number, (m: QuotaMetrics) => void>();
  /** Metrics of the whole cluster, collected by the primary. */
  const clusterMetrics = (): Promise<QuotaMetrics> =>
    new Promise((resolve) => {
      const id = ++nextMetricsQuery;
      waitingForMetrics.set(id, resolve);
      if (!channel.send({ type: 'metrics?', id })) {
        waitingForMetrics.delete(id);
        resolve(admission?.metrics() ?? { counters: {}, buckets: [] });
      }
    });

  const components = await createComponents(options, { announceWrite, admission, metrics: clusterMetrics });
  const http: Server = createHttpServer(components.pipeline, edgeOptions(options, components));
  channel.onMessage((m) => {
    if (!isFromPrimary(m)) return;
    switch (m.type) {
      case 'kms-quota/grant':
        admission?.onMessage(m);
        break;
      case 'counters?':
        channel.send({ type: 'counters', query: m.query, metrics: { ...(admission?.metrics() ?? { counters: {}, buckets: [] }), injected: components.injection.counters() } });
        break;
      case 'metrics':
        waitingForMetrics.get(m.id)?.(m.metrics);
        waitingForMetrics.delete(m.id);
        break;
      case 'invalidate':
        components.store.invalidate();
        if (m.flushAudit) {
          const answer = () => void channel.send({ type: 'invalidated', id: m.id });
          void (components.audit.drain?.() ?? Promise.resolve()).then(answer, answer);
        } else channel.send({ type: 'invalidated', id: m.id });
        break;
      case 'announced':
        waitingForAnnouncement.get(m.id)?.();
        waitingForAnnouncement.delete(m.id);
        break;
      default:
        break; // start, connection and shutdown are the entry's business
    }
  });
  let closed: Promise<void> | undefined;
  return {
    components,
    accept(socket) {
      socket.setNoDelay(true);
      http.emit('connection', socket);
      socket.resume();
    },
    close: () =>
      (closed ??= (async () => {
        await closeHttp1Server(http);
        await components.close();
      })()),
  };
}
