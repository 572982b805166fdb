import { PUT_DOC } from './_support.js';
import { putRefusedCase } from './_put.js';
import { inferred } from '../_lib/sources.js';

/** aws-observed.md 6.4 (aws/aws-sdk-ruby#1784, 2018, CreateKey): MalformedPolicyDocumentException; message not asserted. */
export default putRefusedCase({
  id: 'policy.not-json-put-refused',
  title: 'PutKeyPolicy with a policy that is not JSON is refused with MalformedPolicyDocumentException',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: inferred('recorded for CreateKey only (spec/aws-observed.md §6.4, aws/aws-sdk-ruby#1784); PutKeyPolicy takes the same document: code by analogy'),
  policy: () => 'not a real policy statement',
  refused: { code: 'MalformedPolicyDocumentException', status: 400 },
});
