import { defineCase } from '../../../harness/conformance/case.js';
import { createKeyExpectingRefusal } from './_support.js';
import { LOCKOUT_MESSAGE, lockoutPolicy } from './_support.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 6.4: the same check and wording on CreateKey (terraform-provider-aws acceptance tests). */
export default defineCase({
  id: 'policy.lockout-create-key-refused',
  title: 'CreateKey with a policy that would lock the caller out is refused by the lockout safety check',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-BypassPolicyLockoutSafetyCheck',
  source: recorded('spec/aws-observed.md §6.4 (terraform-provider-aws acceptance tests)'),
  tags: ['policy'],
  ops: ['CreateKey', 'ScheduleKeyDeletion'],
  async run(t) {
    await t.expectError(createKeyExpectingRefusal(t, { Policy: lockoutPolicy(t) }), {
      code: 'MalformedPolicyDocumentException',
      status: 400,
      message: LOCKOUT_MESSAGE,
    });
  },
});
