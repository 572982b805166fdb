import { refused } from './_enable-key.js';
import { documented } from '../_lib/sources.js';

export default refused('PendingImport', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [5]); no AWS capture: code only'));
