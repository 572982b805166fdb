import { cryptoRefusalCase, STATES } from './_support.js';
import { documented } from '../_lib/sources.js';

export default cryptoRefusalCase('key-state', 'key-state', STATES.PendingImport, 'reencrypt-destination', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [5]); the wording is recorded for Encrypt (spec/aws-observed.md §2.3 S1)'));
