import { getAllowed } from './_key-policy.js';

export default getAllowed('Disabled', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (GetKeyPolicy ✓ in every state)',
  verifiedAt: '2026-12-07',
});
