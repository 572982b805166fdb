/**
 * Every message between the primary and its cluster workers (node:cluster IPC), as one
 * discriminated union on `type`, split by direction. Anything else on the channel (node's own
 * messages, a stray `process.send`) is not one of these: {@link isFromWorker} and
 * {@link isFromPrimary} tell them apart before a `switch (m.type)`.
 *
 * ```
 * worker → primary                              primary → worker
 * loaded                              start-up: modules loaded
 *                                     ────────→ start (the data dir is ready)
 * ready | error {error}               ←──────── (components built)
 *                                     ────────→ connection (+ the accepted socket), per connection
 * wrote {id}                          ────────→ invalidate {id, from} to every other worker
 * invalidated {id}                    ←──────── (from each of them)
 *                                     ────────→ announced {id} to the writer
 * metrics? {id}                       ────────→ counters? {query} to every worker
 * counters {query, metrics}           ←──────── metrics {id, metrics} to the asker
 * kms-quota/lease, kms-quota/return   ────────→ kms-quota/grant (quota/lease-protocol.ts)
 *                                               shutdown
 * ```
 *
 * @module
 */
import type { QuotaMetrics } from '../quota/admission.js';
import type { LeaseGrantMsg, LeaseRequestMsg, LeaseReturnMsg } from '../quota/lease-protocol.js';

/** Worker → primary. */
export type WorkerToPrimary =
  /** The worker's modules are loaded: it waits for `start`. */
  | { readonly type: 'loaded' }
  /** Start-up done: the worker serves the connections it is handed. */
  | { readonly type: 'ready' }
  /** Start-up failed; the worker exits. */
  | { readonly type: 'error'; readonly error: string }
  /**
   * The worker wrote to the store; answer `announced` once every sibling dropped its caches
   * (and, with `flushAudit`, wrote out its buffered audit lines).
   */
  | { readonly type: 'wrote'; readonly id: number; readonly flushAudit?: boolean }
  /** Answer to `invalidate`: this worker dropped its caches. */
  | { readonly type: 'invalidated'; readonly id: number }
  /** A request for the whole cluster's quota metrics; answered with `metrics`. */
  | { readonly type: 'metrics?'; readonly id: number }
  /** Answer to `counters?`: this worker's quota counters. */
  | { readonly type: 'counters'; readonly query: number; readonly metrics: QuotaMetrics }
  | LeaseRequestMsg
  | LeaseReturnMsg;

/** Primary → worker. */
export type PrimaryToWorker =
  /** A sibling (`from`) wrote: drop the caches (with `flushAudit`, write out the audit buffer too), then answer `invalidated`. */
  | { readonly type: 'invalidate'; readonly id: number; readonly from: number; readonly flushAudit?: boolean }
  /** Every sibling has dropped its caches after write `id` (or died, or the wait timed out). */
  | { readonly type: 'announced'; readonly id: number }
  /** Answer to `metrics?`. */
  | { readonly type: 'metrics'; readonly id: number; readonly metrics: QuotaMetrics }
  /** Send this worker's quota counters (`counters`). */
  | { readonly type: 'counters?'; readonly query: number }
  /** The data dir is ready (master key, schema, seed): build the components, then answer `ready`. */
  | { readonly type: 'start' }
  /** Serve this connection (the accepted socket travels as the message's handle). */
  | { readonly type: 'connection' }
  /** Close the HTTP server and the store, then exit. */
  | { readonly type: 'shutdown' }
  | LeaseGrantMsg;

export type ClusterMessage = WorkerToPrimary | PrimaryToWorker;

// Records, not lists: a message type added to a union and not here does not compile.
const FROM_WORKER: Readonly<Record<WorkerToPrimary['type'], true>> = {
  loaded: true,
  ready: true,
  error: true,
  wrote: true,
  invalidated: true,
  'metrics?': true,
  counters: true,
  'kms-quota/lease': true,
  'kms-quota/return': true,
};

const FROM_PRIMARY: Readonly<Record<PrimaryToWorker['type'], true>> = {
  invalidate: true,
  announced: true,
  metrics: true,
  'counters?': true,
  start: true,
  connection: true,
  shutdown: true,
  'kms-quota/grant': true,
};

const typeOf = (m: unknown): unknown => (typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined);

/** Whether `m` is a message a worker sends (checked by its `type`: both sides are this code). */
export function isFromWorker(m: unknown): m is WorkerToPrimary {
  const type = typeOf(m);
  return typeof type === 'string' && Object.hasOwn(FROM_WORKER, type);
}

/** Whether `m` is a message the primary sends (checked by its `type`: both sides are this code). */
export function isFromPrimary(m: unknown): m is PrimaryToWorker {
  const type = typeOf(m);
  return typeof type === 'string' && Object.hasOwn(FROM_PRIMARY, type);
}
