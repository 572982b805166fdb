import { refused } from './_cancel-deletion.js';

export default refused('PendingImport', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [4]); no AWS capture (spec/aws-observed.md §2.3 S8): code only',
  verifiedAt: '2026-12-07',
});
