import { refused } from './_enable-key.js';

export default refused('PendingDeletion', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only',
  verifiedAt: '2026-12-07',
});
