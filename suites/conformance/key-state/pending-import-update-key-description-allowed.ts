import { allowed } from './_description.js';

export default allowed('PendingImport', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (UpdateKeyDescription ✓ while PendingImport)',
  verifiedAt: '2026-12-07',
});
