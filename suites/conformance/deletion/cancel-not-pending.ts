import { CancelKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { CANCEL_DOC, describe } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** KS-OLD [4] "is not pending deletion." (aws-observed.md S8: no AWS capture, so the code only). */
export default defineCase({
  id: 'deletion.cancel-not-pending',
  title: 'CancelKeyDeletion of an Enabled key is refused with KMSInvalidStateException and the key stays Enabled',
  doc: `${CANCEL_DOC}#API_CancelKeyDeletion_Errors`,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [4]); no AWS capture (spec/aws-observed.md §2.3 S8): code only'),
  tags: ['deletion', 'key-state'],
  ops: ['CreateKey', 'CancelKeyDeletion', 'DescribeKey'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId })), { code: 'KMSInvalidStateException', status: 400 });
    const m = await describe(t, key.KeyId);
    t.expectEqual([m.KeyState, m.Enabled], ['Enabled', true], '[KeyState, Enabled] after the refused cancel');
  },
});
