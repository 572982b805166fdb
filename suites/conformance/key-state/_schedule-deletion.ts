/**
 * Shared by the schedule deletion cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import type { CaseSource } from '../../../harness/conformance/case.js';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { schedule, stateCase, type StateName } from './_support.js';

/** ScheduleKeyDeletion accepts Disabled and PendingImport keys (aws-observed.md §2.2 ✓). */
export const allowed = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'schedule-key-deletion-allowed',
    title: `ScheduleKeyDeletion on a ${state} key succeeds and the key becomes PendingDeletion`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html',
    source,
    tags: ['key-state', 'deletion'],
    ops: ['ScheduleKeyDeletion', 'DescribeKey'],
    async body(t, key) {
      const out = await schedule(t, key, 7);
      t.expectEqual(out.KeyState, 'PendingDeletion', 'KeyState in the ScheduleKeyDeletion response');
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
      t.expectEqual([m.KeyState, m.Enabled], ['PendingDeletion', false], '[KeyState, Enabled]');
    },
  });
