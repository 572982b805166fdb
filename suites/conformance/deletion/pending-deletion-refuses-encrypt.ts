import { cryptoRefusalCase, STATES } from '../key-state/_support.js';
import { documented } from '../_lib/sources.js';

export default cryptoRefusalCase('deletion', 'deletion', STATES.PendingDeletion, 'encrypt', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); GenerateDataKey recorded (spec/aws-observed.md §2.3 S4), wording "is pending deletion" (S5)'));
