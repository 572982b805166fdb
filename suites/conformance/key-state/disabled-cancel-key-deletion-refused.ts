import { refused } from './_cancel-deletion.js';
import { documented } from '../_lib/sources.js';

export default refused('Disabled', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [4]); no AWS capture (spec/aws-observed.md §2.3 S8): code only'));
