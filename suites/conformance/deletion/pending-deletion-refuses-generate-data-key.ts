import { cryptoRefusalCase, STATES } from '../key-state/_support.js';
import { recorded } from '../_lib/sources.js';

export default cryptoRefusalCase('deletion', 'deletion', STATES.PendingDeletion, 'generate-data-key', recorded('spec/aws-observed.md §2.3 S4 (code); wording "is pending deletion": S5, KS-OLD [3]'));
