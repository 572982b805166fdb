import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { LOCKOUT_DOC, lockoutPolicy, parsed, policyOf } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** BypassPolicyLockoutSafetyCheck skips the check (MODEL). The policy still lets the account read it and delete the key. */
export default defineCase({
  id: 'policy.lockout-bypass-put-accepted',
  title: 'PutKeyPolicy with BypassPolicyLockoutSafetyCheck attaches a policy the check would refuse',
  doc: LOCKOUT_DOC,
  source: {
    kind: 'documented',
    cite: 'service model: PutKeyPolicyRequest.BypassPolicyLockoutSafetyCheck',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const policy = lockoutPolicy(t);
    await t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: policy, BypassPolicyLockoutSafetyCheck: true }));
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(policy), 'policy after PutKeyPolicy with the bypass');
  },
});
