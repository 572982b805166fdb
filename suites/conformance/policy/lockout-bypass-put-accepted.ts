import { LOCKOUT_DOC, lockoutPolicy } from './_support.js';
import { putAttachesCase } from './_put.js';
import { documented } from '../_lib/sources.js';

/** BypassPolicyLockoutSafetyCheck skips the check (MODEL). The policy still lets the account read it and delete the key. */
export default putAttachesCase({
  id: 'policy.lockout-bypass-put-accepted',
  title: 'PutKeyPolicy with BypassPolicyLockoutSafetyCheck attaches a policy the check would refuse',
  doc: LOCKOUT_DOC,
  source: documented('service model: PutKeyPolicyRequest.BypassPolicyLockoutSafetyCheck'),
  policy: lockoutPolicy,
  bypass: true,
});
