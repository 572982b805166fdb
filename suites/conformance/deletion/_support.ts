/**
 * Helpers for the deletion cases. Not a case file: it has no default export.
 *
 * Times: KMS reports DeletionDate "at least the specified number of days from when you scheduled
 * key deletion, but it can be up to 24 hours longer" (developer guide, "How deleting KMS keys
 * works"). The endpoint's clock may be offset (the reference server's controllable clock), so
 * "now" is taken from the endpoint itself: the CreationDate of a key the case just created, plus
 * the time that has passed locally since.
 *
 * @module
 */
import { DescribeKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import type { CaseContext } from '../../../harness/conformance/case.js';
import type { Key } from '../key-state/_support.js';

export const DAY_MS = 86_400_000;

export const HOW_IT_WORKS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html#deleting-keys-how-it-works';
export const SCHEDULE_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html';
export const WINDOW_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html#KMS-ScheduleKeyDeletion-request-PendingWindowInDays';
export const CANCEL_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html';

/** The endpoint's clock, read off a key it just created; moved forward with {@link EndpointClock.advanceTo}. */
export class EndpointClock {
  private skewMs = 0;
  constructor(
    private readonly createdAtEndpoint: number,
    private readonly createdAtLocal: number,
  ) {}

  /** The endpoint's time now, in ms since the epoch (estimated). */
  now(): number {
    return this.createdAtEndpoint + (Date.now() - this.createdAtLocal) + this.skewMs;
  }

  /**
   * Advances the endpoint's clock (t.advanceClock: the case is skipped where the endpoint has no
   * clock control) so that it reads `target + offsetMs`, in whole seconds rounded up.
   */
  async advanceTo(t: CaseContext, target: Date, offsetMs: number): Promise<void> {
    // A date the case read from a reply that lacked it is the endpoint's doing, not a TypeError.
    t.check(target instanceof Date && Number.isFinite(target.getTime()), 'the date to wait for is present', target);
    const seconds = Math.max(0, Math.ceil((target.getTime() + offsetMs - this.now()) / 1000));
    await t.advanceClock(`${seconds}s`);
    this.skewMs += seconds * 1000;
  }
}

/** A fresh key plus the endpoint's clock as seen at its creation: a prerequisite (`t.given`). */
export async function keyWithClock(t: CaseContext, input?: Record<string, unknown>): Promise<{ key: Key; clock: EndpointClock }> {
  return t.given(
    'CreateKey answers a CreationDate (the endpoint\'s clock)',
    async () => {
      const key = await t.createKey(input);
      const localAtCreation = Date.now();
      const created = key.CreationDate instanceof Date ? key.CreationDate.getTime() : NaN;
      t.check(Number.isFinite(created), 'CreateKey returns a CreationDate', key.CreationDate);
      return { key, clock: new EndpointClock(created, localAtCreation) };
    },
    { coveredBy: 'keys.key-metadata-creation-date' },
  );
}

export async function scheduleDeletion(t: CaseContext, keyId: string, days?: number) {
  return t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: days }));
}

/**
 * ScheduleKeyDeletion as a prerequisite of a case about what follows (a second schedule, the key
 * after its window, a cancellation): answers the reply, whose DeletionDate it checks is a date.
 * Rooted in the case whose subject scheduling with that window is.
 */
export async function givenScheduled(t: CaseContext, keyId: string, days?: number) {
  return t.given(
    `ScheduleKeyDeletion${days === undefined ? '' : ` (PendingWindowInDays ${days})`} answers a DeletionDate`,
    async () => {
      const out = await scheduleDeletion(t, keyId, days);
      t.check(out.DeletionDate instanceof Date, 'ScheduleKeyDeletion answers a DeletionDate', out.DeletionDate);
      return out;
    },
    { coveredBy: days === undefined || days === 30 ? 'deletion.window-30-accepted' : days === 7 ? 'deletion.window-7-accepted' : 'deletion.describe-pending-deletion' },
  );
}

/** Checks that `deletionDate` lies within [now + days, now + days + 24 h] (plus a little slack for the round trip). */
export function expectDeletionDateFor(t: CaseContext, deletionDate: Date | undefined, scheduledAt: number, days: number): void {
  t.check(deletionDate instanceof Date, 'DeletionDate is present', deletionDate);
  const ms = deletionDate!.getTime();
  const earliest = scheduledAt + days * DAY_MS - 5_000;
  const latest = scheduledAt + days * DAY_MS + DAY_MS + 600_000;
  t.check(
    ms >= earliest && ms <= latest,
    `DeletionDate is ${days} days (up to 24 hours more) after the request`,
    { deletionDate: deletionDate!.toISOString(), from: new Date(earliest).toISOString(), to: new Date(latest).toISOString() },
  );
}

export async function describe(t: CaseContext, keyId: string) {
  return (await t.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

/** Every page of a listing (ListKeys, ListAliases), following NextMarker from the first page on. */
export async function allPages<P extends { Truncated?: boolean; NextMarker?: string }>(what: string, read: (marker: string | undefined) => Promise<P>): Promise<P[]> {
  const pages: P[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const out = await read(marker);
    pages.push(out);
    if (!out.Truncated) return pages;
    marker = out.NextMarker;
  }
  throw new Error(`${what} did not finish paging`);
}
