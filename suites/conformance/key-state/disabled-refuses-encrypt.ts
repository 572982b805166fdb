import { cryptoRefusalCase, STATES } from './_support.js';
import { recorded } from '../_lib/sources.js';

export default cryptoRefusalCase('key-state', 'key-state', STATES.Disabled, 'encrypt', recorded('spec/aws-observed.md §2.3 S3 (GenerateDataKey code), S7 (wording "<key ARN> is disabled."); https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [1])'));
