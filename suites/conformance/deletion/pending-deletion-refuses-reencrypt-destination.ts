import { cryptoRefusalCase, STATES } from '../key-state/_support.js';

export default cryptoRefusalCase('deletion', 'deletion', STATES.PendingDeletion, 'reencrypt-destination', {
  kind: 'documented',
  cite: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [10]) (destination pending deletion); wording "is pending deletion" (spec/aws-observed.md §2.3 S5)',
  verifiedAt: '2026-12-07',
});
