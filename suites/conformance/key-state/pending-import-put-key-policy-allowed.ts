import { putAllowed } from './_key-policy.js';

export default putAllowed('PendingImport', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (PutKeyPolicy ✓ in every state)',
  verifiedAt: '2026-12-07',
});
