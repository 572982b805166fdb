import { PUT_DOC, root } from './_support.js';
import { putDocumentCase } from './_put.js';
import { inferred } from '../_lib/sources.js';

export default putDocumentCase({
  id: 'policy.missing-principal-refused',
  title: 'PutKeyPolicy with a statement that names no principal is refused with MalformedPolicyDocumentException',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: inferred('message "Policy contains a statement with no principal." from terraform-aws-modules/terraform-aws-eks#2163 (CreateKey, empty principal list); a statement without Principal is not captured'),
  policy: (t) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: root(t) }, Action: 'kms:*', Resource: '*' }, { Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }] }),
  refused: { code: 'MalformedPolicyDocumentException', status: 400 },
});
