import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { GET_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

/** MODEL: "If no policy name is specified, the default value is default." */
export default defineCase({
  id: 'policy.get-policy-name-defaults',
  title: 'GetKeyPolicy without PolicyName returns the default policy',
  doc: `${GET_DOC}#KMS-GetKeyPolicy-request-PolicyName`,
  source: documented('service model: GetKeyPolicyRequest.PolicyName ("If no policy name is specified, the default value is default"; PolicyName optional since aws-sdk-go-v2 service/kms CHANGELOG v1.30.0, 2024-03-18)', { since: '2024-03-18' }),
  tags: ['policy'],
  ops: ['CreateKey', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const named = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }));
    const unnamed = await t.kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId }));
    t.expectEqual(unnamed.Policy, named.Policy, 'Policy without PolicyName');
  },
});
