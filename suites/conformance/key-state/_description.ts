/**
 * Shared by the description cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import type { CaseSource } from '../../../harness/conformance/case.js';
import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { stateCase, type StateName } from './_support.js';

export const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#API_UpdateKeyDescription_Errors';

/** UpdateKeyDescription works in every state but PendingDeletion (aws-observed.md §2.2; [3], code only). */
export const allowed = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'update-key-description-allowed',
    title: `UpdateKeyDescription on a ${state} key succeeds and DescribeKey shows the new text`,
    doc: DOC,
    source,
    ops: ['UpdateKeyDescription', 'DescribeKey'],
    async body(t, key) {
      await t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: `described while ${state}` }));
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
      t.expectEqual([m.Description, m.KeyState], [`described while ${state}`, state], '[Description, KeyState]');
    },
  });
