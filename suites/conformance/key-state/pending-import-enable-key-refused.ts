import { refused } from './_enable-key.js';

export default refused('PendingImport', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [5]); no AWS capture: code only',
  verifiedAt: '2026-12-07',
});
