import { cryptoRefusalCase, STATES } from '../key-state/_support.js';

export default cryptoRefusalCase('deletion', 'deletion', STATES.PendingDeletion, 'generate-data-key', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §2.3 S4 (code); wording "is pending deletion": S5, KS-OLD [3]',
  verifiedAt: '2026-12-07',
});
