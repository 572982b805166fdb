import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { LOCKOUT_DOC, LOCKOUT_MESSAGE, lockoutPolicy } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md 6.4: MalformedPolicyDocumentException "The new key policy will not allow you to update the key policy in the future." */
export default defineCase({
  id: 'policy.lockout-put-refused',
  title: 'PutKeyPolicy with a policy that would lock the caller out is refused by the lockout safety check',
  doc: LOCKOUT_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.4 (terraform-provider-aws acceptance tests; PutKeyPolicy status 400)',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    await t.expectError(t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: lockoutPolicy(t) })), {
      code: 'MalformedPolicyDocumentException',
      status: 400,
      message: LOCKOUT_MESSAGE,
    });
  },
});
