import { PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { PUT_DOC, root } from './_support.js';
import { givenKey } from '../_lib/prerequisites.js';

export default defineCase({
  id: 'policy.missing-principal-refused',
  title: 'PutKeyPolicy with a statement that names no principal is refused with MalformedPolicyDocumentException',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: {
    kind: 'inferred',
    cite: 'message "Policy contains a statement with no principal." from terraform-aws-modules/terraform-aws-eks#2163 (CreateKey, empty principal list); a statement without Principal is not captured',
    verifiedAt: '2026-12-07',
  },
  tags: ['policy'],
  ops: ['CreateKey', 'PutKeyPolicy'],
  async run(t) {
    const key = await givenKey(t);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: root(t) }, Action: 'kms:*', Resource: '*' }, { Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }] };
    await t.expectError(t.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: JSON.stringify(policy) })), {
      code: 'MalformedPolicyDocumentException',
      status: 400,
    });
  },
});
