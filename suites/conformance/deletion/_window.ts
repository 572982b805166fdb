/**
 * Shared by the PendingWindowInDays cases beside it (window-<days>-accepted, window-<days>-refused),
 * one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { givenKey } from '../_lib/prerequisites.js';
import { describe, expectDeletionDateFor, keyWithClock, scheduleDeletion, WINDOW_DOC } from './_support.js';
import { documented, inferred } from '../_lib/sources.js';

/** kms-facts.md: real KMS accepts PendingWindowInDays 7..30; `days` is one of the bounds. */
export function windowAccepted(days: 7 | 30, bound: 'lower' | 'upper'): ConformanceCase {
  return defineCase({
    id: `deletion.window-${days}-accepted`,
    title: `ScheduleKeyDeletion with PendingWindowInDays ${days} is accepted at the ${bound} bound: PendingDeletion, window ${days}, DeletionDate ${days} days out`,
    doc: WINDOW_DOC,
    source: documented('service model: ScheduleKeyDeletionRequest.PendingWindowInDays ("between 7 and 30, inclusive")'),
    tags: ['deletion', 'limits'],
    ops: ['CreateKey', 'ScheduleKeyDeletion'],
    async run(t) {
      const { key, clock } = await keyWithClock(t);
      const scheduledAt = clock.now();
      const out = await scheduleDeletion(t, key.KeyId, days);
      t.expectEqual([out.KeyState, out.PendingWindowInDays], ['PendingDeletion', days], '[KeyState, PendingWindowInDays] in the response');
      expectDeletionDateFor(t, out.DeletionDate, scheduledAt, days);
    },
  });
}

/**
 * kms-facts.md: PendingWindowInDays outside 7..30 → ValidationException, although the model allows
 * 1..365. The observed wording (aws-observed.md V6) was recorded for 1 day only (window-1-refused),
 * so for other days the code is asserted, not the text. The key must stay Enabled.
 */
export function windowRefused(days: number): ConformanceCase {
  return defineCase({
    id: `deletion.window-${days}-refused`,
    title: `ScheduleKeyDeletion with PendingWindowInDays ${days} is refused with ValidationException and the key stays Enabled`,
    doc: WINDOW_DOC,
    source: inferred('service model: ScheduleKeyDeletionRequest.PendingWindowInDays ("between 7 and 30"); ValidationException recorded for 1 day only (spec/aws-observed.md §6.1 V6): code by analogy'),
    tags: ['deletion', 'limits'],
    ops: ['CreateKey', 'ScheduleKeyDeletion', 'DescribeKey'],
    async run(t) {
      const key = await givenKey(t);
      await t.expectError(scheduleDeletion(t, key.KeyId, days), { code: 'ValidationException', status: 400 });
      const m = await describe(t, key.KeyId);
      t.expectEqual([m.KeyState, m.DeletionDate], ['Enabled', undefined], '[KeyState, DeletionDate] after the refused request');
    },
  });
}
