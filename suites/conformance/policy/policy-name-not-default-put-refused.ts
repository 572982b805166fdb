import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { refusal } from '../key-state/_support.js';
import { fullControlPolicy, givenPolicy, policyOf, PUT_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** MODEL: "The only valid value is default." AWS's code and message are not recorded: any client error passes; nothing changes. */
export default defineCase({
  id: 'policy.policy-name-not-default-put-refused',
  title: 'PutKeyPolicy with a PolicyName other than "default" is refused and the default policy is unchanged',
  doc: `${PUT_DOC}#KMS-PutKeyPolicy-request-PolicyName`,
  source: {
    kind: 'documented',
    cite: 'service model: PutKeyPolicyRequest.PolicyName ("The only valid value is default"); the code is not recorded (spec/aws-observed.md §6.4): any 400',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const before = await givenPolicy(t, key.KeyId);
    const r = await refusal(
      t,
      t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'custom', Policy: fullControlPolicy(t, 'Custom') })),
      'PutKeyPolicy with PolicyName "custom"',
    );
    t.expectEqual(r.status, 400, `HTTP status of the refusal (${r.code})`);
    t.expectEqual(await policyOf(t, key.KeyId), before, 'default policy after the refused PutKeyPolicy');
  },
});
