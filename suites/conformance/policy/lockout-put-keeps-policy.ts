import { LOCKOUT_DOC, lockoutPolicy } from './_support.js';
import { putRefusedCase } from './_put.js';

export default putRefusedCase({
  id: 'policy.lockout-put-keeps-policy',
  title: 'A PutKeyPolicy refused by the lockout safety check leaves the previous policy in place',
  doc: LOCKOUT_DOC,
  source: {
    kind: 'recorded',
    cite: 'spec/aws-observed.md §6.4 (code); that the previous policy stays is inferred',
    verifiedAt: '2026-12-07',
  },
  policy: lockoutPolicy,
  refused: { code: 'MalformedPolicyDocumentException' },
});
