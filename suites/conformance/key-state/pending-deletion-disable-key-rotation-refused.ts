import { disableRefused } from './_key-rotation.js';

export default disableRefused('PendingDeletion', { code: 'KMSInvalidStateException', status: 400 }, {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture: code only',
  verifiedAt: '2026-12-07',
});
