import { PUT_DOC } from './_support.js';
import { putDocumentCase } from './_put.js';
import { inferred } from '../_lib/sources.js';

/** A JSON object that is no policy (no Statement). Message unknown for AWS: code only. */
export default putDocumentCase({
  id: 'policy.missing-statement-refused',
  title: 'PutKeyPolicy with a JSON document without Statement is refused with MalformedPolicyDocumentException',
  doc: `${PUT_DOC}#API_PutKeyPolicy_Errors`,
  source: inferred('service model: MalformedPolicyDocumentException ("not syntactically or semantically correct"); a document without Statement is not recorded (spec/aws-observed.md §6.4)'),
  policy: () => JSON.stringify({ Version: '2012-10-17', Id: 'empty' }),
  refused: { code: 'MalformedPolicyDocumentException', status: 400 },
});
