import { refused } from './_enable-key.js';
import { documented } from '../_lib/sources.js';

export default refused('PendingDeletion', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [3]); no AWS capture (spec/aws-observed.md §2.3 S9): code only'));
