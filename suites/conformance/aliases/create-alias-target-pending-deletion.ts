/** What CreateAlias accepts as TargetKeyId: a key id or key ARN of a key not pending deletion. */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { pendingDeletionKey } from '../key-state/_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'aliases.create-alias-target-pending-deletion',
  title: 'CreateAlias for a key pending deletion is refused with KMSInvalidStateException',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html#API_CreateAlias_Errors',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]) (CreateAlias while PendingDeletion: KMSInvalidStateException); no AWS capture (spec/aws-observed.md §2.3 S9): code only'),
  tags: ['aliases', 'key-state'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'CreateAlias'],
  async run(t) {
    // KS-OLD [3] gives "<key ARN> is pending deletion." (no AWS capture, S9): code only.
    const key = await pendingDeletionKey(t);
    await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: t.aliasName(), TargetKeyId: key.KeyId }))), {
      code: 'KMSInvalidStateException',
      status: 400,
    });
  },
});
