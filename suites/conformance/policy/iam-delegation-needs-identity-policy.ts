import { defineCase } from '../../../harness/conformance/case.js';
import { denied, encrypt, IAM_DELEGATION_DOC } from './_enforcement.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.iam-delegation-needs-identity-policy',
  title: 'Under the default key policy a principal of the account needs an identity policy: alice (kms:*) may encrypt, bob (none) may not',
  doc: IAM_DELEGATION_DOC,
  source: recorded('spec/aws-observed.md §10 X1 ("because no identity-based policy allows the kms:GenerateDataKey action")'),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt'],
  needs: ['identities'],
  async run(t) {
    const key = await givenKey(t);
    await encrypt(t, key.KeyId, undefined, t.as('alice').kms);
    const bob = t.as('bob');
    await t.expectError(encrypt(t, key.Arn, undefined, bob.kms), { code: 'AccessDeniedException', status: 400, message: denied.noIdentityAllow(bob.account, 'kms:Encrypt', key.Arn) });
  },
});
