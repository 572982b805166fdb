import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { givenPolicy, policyOf, PUT_DOC } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

/** aws-observed.md 6.4 (aws/aws-sdk-ruby#1784, 2018, CreateKey): MalformedPolicyDocumentException; message not asserted. */
export default defineCase({
  id: 'policy.not-json-put-refused',
  title: 'PutKeyPolicy with a policy that is not JSON is refused with MalformedPolicyDocumentException',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: {
    kind: 'inferred',
    cite: 'recorded for CreateKey only (spec/aws-observed.md §6.4, aws/aws-sdk-ruby#1784); PutKeyPolicy takes the same document: code by analogy',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy', 'GetKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const before = await givenPolicy(t, key.KeyId);
    await t.expectError(t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: 'not a real policy statement' })), {
      code: 'MalformedPolicyDocumentException',
      status: 400,
    });
    t.expectEqual(await policyOf(t, key.KeyId), before, 'policy after the refused PutKeyPolicy');
  },
});
