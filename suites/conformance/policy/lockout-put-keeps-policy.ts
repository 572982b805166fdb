import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenPolicy, LOCKOUT_DOC, lockoutPolicy, policyOf } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'policy.lockout-put-keeps-policy',
  title: 'A PutKeyPolicy refused by the lockout safety check leaves the previous policy in place',
  doc: LOCKOUT_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.4 (code); that the previous policy stays is inferred',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const before = await givenPolicy(t, key.KeyId);
    await t.expectError(t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: lockoutPolicy(t) })), {
      code: 'MalformedPolicyDocumentException',
    });
    t.expectEqual(await policyOf(t, key.KeyId), before, 'policy after the refused PutKeyPolicy');
  },
});
