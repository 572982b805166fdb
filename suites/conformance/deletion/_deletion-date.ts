/**
 * Shared by the cases about a key scheduled for deletion once the endpoint's clock reaches its
 * DeletionDate (deleted-after-window-*, not-deleted-minute-before, cancelled-not-deleted), one
 * case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import type { Key } from '../key-state/_support.js';
import { requireClock } from '../rotation/_support.js';
import { givenScheduled, HOW_IT_WORKS_DOC, keyWithClock } from './_support.js';
import { inferred } from '../_lib/sources.js';

export interface DeletionDateCaseSpec<P> {
  /** The id after `deletion.`. */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  /** `['deletion']` unless said. */
  tags?: CaseTag[];
  ops: OperationName[];
  /** Where the clock is moved, relative to the DeletionDate: a minute past it unless said. */
  offsetMs?: number;
  /** Runs on the fresh key before it is scheduled (an alias, a ciphertext: prerequisites); its result goes to the later steps. */
  before?(t: CaseContext, key: Key): Promise<P>;
  /** Runs while the key is pending deletion (7-day window), before the clock moves. */
  pending?(t: CaseContext, key: Key, prepared: P): Promise<void>;
  /** Runs once the endpoint's clock reads DeletionDate + offsetMs. */
  after(t: CaseContext, key: Key, prepared: P): Promise<void>;
}

/**
 * A case whose key is scheduled for deletion in 7 days (a prerequisite), then the endpoint's clock
 * is moved to its DeletionDate (plus `offsetMs`) and `after` checks what is left of the key.
 * Skipped at once where the endpoint has no clock control.
 */
export function deletionDateCase<P = undefined>(spec: DeletionDateCaseSpec<P>): ConformanceCase {
  return defineCase({
    id: `deletion.${spec.behaviour}`,
    title: spec.title,
    doc: spec.doc,
    source: spec.source,
    tags: spec.tags ?? ['deletion'],
    ops: spec.ops,
    flags: ['needs-clock'],
    async run(t) {
      requireClock(t, 'the deletion date');
      const { key, clock } = await keyWithClock(t);
      const prepared = (await spec.before?.(t, key)) as P;
      const { DeletionDate } = await givenScheduled(t, key.KeyId, 7);
      await spec.pending?.(t, key, prepared);
      await clock.advanceTo(t, DeletionDate!, spec.offsetMs ?? 60_000);
      await spec.after(t, key, prepared);
    },
  });
}

/**
 * Once the clock passes DeletionDate, `what` (a call naming the key: `call`) answers
 * NotFoundException, as for a key that never existed.
 */
export function notFoundOnceDeleted(effect: string, what: string, op: OperationName, call: (t: CaseContext, key: Key) => Promise<unknown>): ConformanceCase {
  return deletionDateCase({
    behaviour: `deleted-after-window-${effect}`,
    title: `Once the clock passes DeletionDate, ${what} answers NotFoundException`,
    doc: HOW_IT_WORKS_DOC,
    source: inferred('a deleted key no longer exists, so it is answered like an absent key (spec/aws-observed.md §1 N1); no capture of a deleted key'),
    ops: ['CreateKey', 'ScheduleKeyDeletion', op],
    async after(t, key) {
      await t.expectError(call(t, key), { code: 'NotFoundException', status: 400 });
    },
  });
}
