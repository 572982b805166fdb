import { PUT_DOC } from './_support.js';
import { putRefusedCase } from './_put.js';

/** aws-observed.md 6.4 (aws/aws-sdk-ruby#1784, 2018, CreateKey): MalformedPolicyDocumentException; message not asserted. */
export default putRefusedCase({
  id: 'policy.not-json-put-refused',
  title: 'PutKeyPolicy with a policy that is not JSON is refused with MalformedPolicyDocumentException',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: {
    kind: 'inferred',
    cite: 'recorded for CreateKey only (spec/aws-observed.md §6.4, aws/aws-sdk-ruby#1784); PutKeyPolicy takes the same document: code by analogy',
    verifiedAt: '2026-12-07',
  },
  policy: () => 'not a real policy statement',
  refused: { code: 'MalformedPolicyDocumentException', status: 400 },
});
