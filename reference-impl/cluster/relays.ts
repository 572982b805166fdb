/**
 * The primary's relays between cluster workers (messages: ./cluster-messages.ts): write
 * announcements, so no worker serves a key state older than what a client has been told, and
 * the quota stage's primary half, which owns every bucket and lends workers token leases.
 *
 * @module
 */
import type { Peer as Worker } from './peer.js';
import { monotonicNs } from '../../common/quota/token-bucket.js';
import { mergeMetrics, rateResolver, type QuotaMetrics, type QuotaSettings } from '../quota/admission.js';
import { LeaseCoordinator } from '../quota/lease-coordinator.js';
import { isFromWorker, type PrimaryToWorker } from './cluster-messages.js';

/** Sends to a worker that may be exiting; a failed send is the worker's exit, handled elsewhere. */
export function safeSend(w: Worker, message: PrimaryToWorker): void {
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
 * The primary's half of write announcements: a worker that wrote sends `wrote`; every other live
 * worker gets `invalidate` and answers `invalidated`; when all have answered (or died, or the
 * timeout passed) the writer gets `announced`.
 */
export function relayWriteAnnouncements(workers: Worker[]): void {
  for (const writer of workers) {
    writer.on('message', (m: unknown) => {
      if (!isFromWorker(m) || m.type !== 'wrote') return;
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
        const onAck = (a: unknown) => {
          if (!isFromWorker(a) || a.type !== 'invalidated' || a.id !== m.id) return;
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
        safeSend(w, { type: 'invalidate', id: m.id, from: writer.id, ...(m.flushAudit ? { flushAudit: true } : {}) });
      }
    });
  }
}

/** How long a `metrics?` waits for every worker's counters before answering with those it has. */
const METRICS_TIMEOUT_MS = 1000;

/**
 * The primary's half of the quota stage: it owns every bucket (a {@link LeaseCoordinator}) and
 * grants workers small token leases; it also answers `metrics?` with the whole cluster's metrics
 * (every worker's counters, the coordinator's bucket levels).
 */
export function coordinateQuotas(workers: Worker[], settings: QuotaSettings): void {
  const coordinator = new LeaseCoordinator({ rates: rateResolver(settings) });
  let nextQuery = 0;
  for (const w of workers) {
    w.on('message', (m: unknown) => {
      if (!isFromWorker(m)) return;
      if (m.type === 'kms-quota/lease' || m.type === 'kms-quota/return') {
        const grant = coordinator.handle(m, monotonicNs());
        if (grant) safeSend(w, grant);
        return;
      }
      if (m.type !== 'metrics?') return;
      const live = workers.filter((x) => !x.isDead() && x.isConnected());
      const query = ++nextQuery;
      const parts: QuotaMetrics[] = [];
      let pending = live.length;
      const done = () => {
        safeSend(w, { type: 'metrics', id: m.id, metrics: mergeMetrics(parts, coordinator.snapshot(monotonicNs())) });
      };
      const timer = setTimeout(() => {
        pending = -1;
        done();
      }, METRICS_TIMEOUT_MS);
      for (const x of live) {
        const onReply = (r: unknown) => {
          if (!isFromWorker(r) || r.type !== 'counters' || r.query !== query) return;
          x.off('message', onReply);
          parts.push(r.metrics);
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
