import { disableRefused } from './_key-rotation.js';

export default disableRefused('Disabled', { code: 'DisabledException', status: 400 }, {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [1]); no AWS capture (spec/aws-observed.md §2.3 S10): code only',
  verifiedAt: '2026-12-07',
});
