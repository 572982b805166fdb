import { cryptoRefusalCase, STATES } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default cryptoRefusalCase('key-state', 'key-state', STATES.PendingImport, 'encrypt', recorded('spec/aws-observed.md §2.3 S1', { verifiedAt: '2024-01-24' }));
