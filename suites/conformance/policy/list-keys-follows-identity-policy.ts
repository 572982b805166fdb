import { ListKeysCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { denied, PERMISSIONS_DOC } from './_enforcement.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.list-keys-follows-identity-policy',
  title: 'ListKeys is decided by identity policies alone: alice (kms:*) may list, bob (none) may not',
  doc: PERMISSIONS_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html ("Required permissions: kms:ListKeys (IAM policy)"); message: spec/aws-observed.md §10 X1'),
  tags: ['policy'],
  ops: ['ListKeys'],
  needs: ['identities'],
  async run(t) {
    await t.as('alice').kms.send(new ListKeysCommand({ Limit: 1 }));
    const bob = t.as('bob');
    await t.expectError(bob.kms.send(new ListKeysCommand({ Limit: 1 })), { code: 'AccessDeniedException', status: 400, message: denied.noIdentityAllow(bob.account, 'kms:ListKeys', '*') });
  },
});
