import { defineCase } from '../../../harness/conformance/case.js';
import { CROSS_ACCOUNT_DOC, denied, encrypt } from './_enforcement.js';
import { givenKey } from '../_lib/prerequisites.js';
import { recorded } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.cross-account-refused-without-key-policy',
  title: "A principal of another account may not use a key whose policy does not name its account, whatever its identity policy allows",
  doc: CROSS_ACCOUNT_DOC,
  source: recorded('spec/aws-observed.md §10 X4 ("on this resource because the resource does not exist in this Region, no resource-based policies allow access ...")'),
  tags: ['policy'],
  ops: ['CreateKey', 'Encrypt'],
  needs: ['identities'],
  async run(t) {
    const key = await givenKey(t);
    const other = t.as('other-account-user');
    await t.expectError(encrypt(t, key.Arn, undefined, other.kms), { code: 'AccessDeniedException', status: 400, message: denied.crossAccount(other.account, 'kms:Encrypt') });
  },
});
