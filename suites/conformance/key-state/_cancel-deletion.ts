/**
 * Shared by the cancel deletion cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import type { CaseSource } from '../../../harness/conformance/case.js';
import { CancelKeyDeletionCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { stateCase, type StateName } from './_support.js';

/** CancelKeyDeletion of a key that is not pending deletion: KS-OLD [4] (no AWS capture, S8: code only). */
export const refused = (state: StateName, source: CaseSource) =>
  stateCase({
    state,
    behaviour: 'cancel-key-deletion-refused',
    title: `CancelKeyDeletion on a ${state} key is refused with KMSInvalidStateException and the key keeps its state`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html#API_CancelKeyDeletion_Errors',
    source,
    tags: ['key-state', 'deletion'],
    ops: ['CancelKeyDeletion', 'DescribeKey'],
    async body(t, key) {
      await t.expectError(t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
      t.expectEqual(m.KeyState, state, 'KeyState after the refused CancelKeyDeletion');
    },
  });
