import { disableRefused } from './_key-rotation.js';
import { documented } from '../_lib/sources.js';

export default disableRefused('Disabled', { code: 'DisabledException', status: 400 }, documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [1]); no AWS capture (spec/aws-observed.md §2.3 S10): code only'));
