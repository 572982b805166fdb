import { toggleCase } from './_enable-disable.js';
import { documented } from '../_lib/sources.js';

export default toggleCase({
  op: 'EnableKey',
  variant: 'already',
  title: 'EnableKey of an enabled key succeeds and changes nothing',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (EnableKey ✓ while Enabled)'),
});
