import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';
import { refused } from '../_lib/support.js';

/** MODEL: "The only valid name is default." AWS's code and message are not recorded (aws-observed.md 6.4): any client error passes. */
export default defineCase({
  id: 'policy.policy-name-not-default-get-refused',
  title: 'GetKeyPolicy with a PolicyName other than "default" is refused',
  doc: `${GET_DOC}#KMS-GetKeyPolicy-request-PolicyName`,
  source: documented('service model: GetKeyPolicyRequest.PolicyName ("The only valid name is default"); the code is not recorded (spec/aws-observed.md §6.4): any 400'),
  tags: ['policy'],
  ops: ['CreateKey', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const r = await refused(t, t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'custom' })), 'GetKeyPolicy with PolicyName "custom"');
    t.expectEqual(r.status, 400, `HTTP status of the refusal (${r.code})`);
  },
});
