import { LOCKOUT_DOC, lockoutPolicy } from './_support.js';
import { putAttachesCase } from './_put.js';

/** BypassPolicyLockoutSafetyCheck skips the check (MODEL). The policy still lets the account read it and delete the key. */
export default putAttachesCase({
  id: 'policy.lockout-bypass-put-accepted',
  title: 'PutKeyPolicy with BypassPolicyLockoutSafetyCheck attaches a policy the check would refuse',
  doc: LOCKOUT_DOC,
  source: {
    kind: 'documented',
    cite: 'service model: PutKeyPolicyRequest.BypassPolicyLockoutSafetyCheck',
    verifiedAt: '2026-12-07',
  },
  policy: lockoutPolicy,
  bypass: true,
});
