import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** aws-observed.md 4.3: GetKeyPolicy answers {Policy, PolicyName: "default"} (current API reference example). */
export default defineCase({
  id: 'policy.get-returns-policy-name',
  title: 'GetKeyPolicy answers the Policy and PolicyName "default"',
  doc: `${GET_DOC}#API_GetKeyPolicy_ResponseSyntax`,
  source: documented('service model: GetKeyPolicyResponse.PolicyName; API reference GetKeyPolicy example (spec/aws-observed.md §4.3); the date this member appeared was not found'),
  tags: ['policy'],
  ops: ['CreateKey', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const out = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
    t.expectEqual(out.PolicyName, 'default', 'PolicyName');
    t.check(typeof out.Policy === 'string' && out.Policy.length > 0, 'Policy is a non-empty string', out.Policy);
  },
});
