/**
 * The lease protocol between the quota coordinator (one, in the primary) and the lease workers
 * (one per serving process): exact throttling across N processes, a coordinator owning every real
 * bucket and workers admitting requests from small token leases they refill asynchronously
 * ({@link LeaseCoordinator} in ./lease-coordinator.ts, {@link LeaseWorker} in ./lease-worker.ts).
 * Pure message types: the cluster (reference-impl/cluster/) carries them over node:cluster IPC,
 * the simulation (./lease-sim.ts) over simulated channels.
 *
 * Times in messages are durations (ns), never absolute: each process applies them to its own
 * clock, so processes need not share a clock origin.
 *
 * @module
 */
import type { QuotaClassId } from '../../common/quota/classes.js';

/** Identifies one bucket. Key-store classes: account = '' and keyStoreId set; others: keyStoreId = ''. */
export interface BucketRef {
  readonly account: string;
  readonly region: string;
  readonly cls: QuotaClassId;
  readonly keyStoreId: string;
}

/** Worker → coordinator: report `used` tokens spent since the last report; ask for `need` (+ up to `want`). */
export interface LeaseRequestMsg {
  readonly type: 'kms-quota/lease';
  readonly worker: number;
  readonly seq: number;
  readonly bucket: BucketRef;
  /** Tokens queued requests need now (0 = prefetch only). */
  readonly need: number;
  /** Extra tokens wanted for upcoming requests. */
  readonly want: number;
  readonly used: number;
}

/** Worker → coordinator: give back `unused` leased tokens and report `used` ones. No reply. */
export interface LeaseReturnMsg {
  readonly type: 'kms-quota/return';
  readonly worker: number;
  readonly bucket: BucketRef;
  readonly unused: number;
  readonly used: number;
}

/** Coordinator → worker. */
export interface LeaseGrantMsg {
  readonly type: 'kms-quota/grant';
  readonly worker: number;
  readonly seq: number;
  readonly bucket: BucketRef;
  /** Tokens leased (0 when the bucket cannot cover `need`; all-or-nothing for `need`). */
  readonly granted: number;
  /** How long the worker may hold them, from receipt. */
  readonly ttlNs: number;
  /** > 0: the bucket is empty; no token before this much time has passed. */
  readonly retryAfterNs: number;
}

export type WorkerToCoordinator = LeaseRequestMsg | LeaseReturnMsg;
export type CoordinatorToWorker = LeaseGrantMsg;

export const DEFAULT_LEASE_TTL_NS = 100e6; // 100 ms
export const DEFAULT_MAX_LEASE_SECONDS = 0.05; // a grant holds at most 50 ms of quota
export const DEFAULT_HORIZON_NS = 50e6; // prefetch about 50 ms of local demand
export const DEFAULT_MIN_RETRY_NS = 1e6; // 1 ms
