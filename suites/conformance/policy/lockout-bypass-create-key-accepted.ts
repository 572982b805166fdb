import { defineCase } from '../../../harness/conformance/case.js';
import { lockoutPolicy, parsed, policyOf } from './_support.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'policy.lockout-bypass-create-key-accepted',
  title: 'CreateKey with BypassPolicyLockoutSafetyCheck creates a key with a policy the check would refuse',
  doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-BypassPolicyLockoutSafetyCheck',
  source: documented('service model: CreateKeyRequest.BypassPolicyLockoutSafetyCheck'),
  tags: ['policy'],
  ops: ['CreateKey', 'GetKeyPolicy'],
  async run(t) {
    const policy = lockoutPolicy(t);
    const key = await t.createKey({ Policy: policy, BypassPolicyLockoutSafetyCheck: true });
    t.expectEqual(parsed(t, await policyOf(t, key.KeyId), 'the returned policy'), JSON.parse(policy), 'policy of the new key');
  },
});
