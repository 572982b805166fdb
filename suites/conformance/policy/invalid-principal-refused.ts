import { PUT_DOC, root } from './_support.js';
import { putDocumentCase } from './_put.js';
import { recorded } from '../_lib/sources.js';

export default putDocumentCase({
  id: 'policy.invalid-principal-refused',
  title: 'PutKeyPolicy with a wildcard inside a principal ARN is refused: "Policy contains a statement with one or more invalid principals."',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: recorded('spec/aws-observed.md §6.4 (invalid principals)'),
  policy: (t) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: root(t) }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.account}:user/*` }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    }),
  refused: { code: 'MalformedPolicyDocumentException', status: 400, message: 'Policy contains a statement with one or more invalid principals.' },
});
