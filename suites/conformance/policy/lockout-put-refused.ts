import { LOCKOUT_DOC, LOCKOUT_MESSAGE, lockoutPolicy } from './_support.js';
import { putDocumentCase } from './_put.js';
import { recorded } from '../_lib/sources.js';

/** aws-observed.md 6.4: MalformedPolicyDocumentException "The new key policy will not allow you to update the key policy in the future." */
export default putDocumentCase({
  id: 'policy.lockout-put-refused',
  title: 'PutKeyPolicy with a policy that would lock the caller out is refused by the lockout safety check',
  doc: LOCKOUT_DOC,
  source: recorded('spec/aws-observed.md §6.4 (terraform-provider-aws acceptance tests; PutKeyPolicy status 400)'),
  policy: lockoutPolicy,
  refused: { code: 'MalformedPolicyDocumentException', status: 400, message: LOCKOUT_MESSAGE },
});
