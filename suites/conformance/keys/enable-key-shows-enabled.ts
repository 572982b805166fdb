import { toggleCase } from './_enable-disable.js';
import { recorded } from '../_lib/sources.js';

export default toggleCase({
  op: 'EnableKey',
  variant: 'shows',
  title: 'EnableKey of a disabled key answers an empty result; DescribeKey then shows Enabled true, KeyState Enabled (L2)',
  source: recorded('spec/aws-observed.md §3 L2 (LS-TEST test_disable_and_enable_key); empty result: EX EnableKey'),
});
