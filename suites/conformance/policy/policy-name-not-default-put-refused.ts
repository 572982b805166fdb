import { fullControlPolicy, PUT_DOC } from './_support.js';
import { putRefusedCase } from './_put.js';
import { documented } from '../_lib/sources.js';

/** MODEL: "The only valid value is default." AWS's code and message are not recorded: any client error passes; nothing changes. */
export default putRefusedCase({
  id: 'policy.policy-name-not-default-put-refused',
  title: 'PutKeyPolicy with a PolicyName other than "default" is refused and the default policy is unchanged',
  doc: `${PUT_DOC}#KMS-PutKeyPolicy-request-PolicyName`,
  source: documented('service model: PutKeyPolicyRequest.PolicyName ("The only valid value is default"); the code is not recorded (spec/aws-observed.md §6.4): any 400'),
  policyName: 'custom',
  policy: (t) => fullControlPolicy(t, 'Custom'),
});
