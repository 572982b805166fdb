import { cryptoRefusalCase, STATES } from './_support.js';

export default cryptoRefusalCase('key-state', 'key-state', STATES.PendingImport, 'encrypt', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §2.3 S1',
  verifiedAt: '2024-01-24',
});
