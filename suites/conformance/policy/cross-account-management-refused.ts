import { PutKeyPolicyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { keyWithPolicy, PERMISSIONS_DOC, statement } from './_enforcement.js';
import { fullControlPolicy } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.cross-account-management-refused',
  title: 'ScheduleKeyDeletion and PutKeyPolicy are refused to another account even when the key policy allows it kms:*',
  doc: PERMISSIONS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html ("Cross-account use: No"); https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html ("Cross-account use: No")'),
  tags: ['policy'],
  ops: ['CreateKey', 'ScheduleKeyDeletion', 'PutKeyPolicy'],
  needs: ['identities'],
  async run(t) {
    const other = t.as('other-account-root');
    const key = await keyWithPolicy(t, statement('Allow', other.arn, 'kms:*'));
    await t.expectError(other.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.Arn, PendingWindowInDays: 7 })), { code: 'AccessDeniedException' });
    await t.expectError(other.kms.send(new PutKeyPolicyCommand({ KeyId: key.Arn, PolicyName: 'default', Policy: fullControlPolicy(t) })), { code: 'AccessDeniedException' });
  },
});
