import { cryptoRefusalCase, STATES } from '../key-state/_support.js';
import { documented } from '../_lib/sources.js';

export default cryptoRefusalCase('deletion', 'deletion', STATES.PendingDeletion, 'reencrypt-destination', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [10]) (destination pending deletion); wording "is pending deletion" (spec/aws-observed.md §2.3 S5)'));
