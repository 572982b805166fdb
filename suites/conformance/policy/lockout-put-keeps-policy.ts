import { LOCKOUT_DOC, lockoutPolicy } from './_support.js';
import { putRefusedCase } from './_put.js';
import { recorded } from '../_lib/sources.js';

export default putRefusedCase({
  id: 'policy.lockout-put-keeps-policy',
  title: 'A PutKeyPolicy refused by the lockout safety check leaves the previous policy in place',
  doc: LOCKOUT_DOC,
  source: recorded('spec/aws-observed.md §6.4 (code); that the previous policy stays is inferred'),
  policy: lockoutPolicy,
  refused: { code: 'MalformedPolicyDocumentException' },
});
