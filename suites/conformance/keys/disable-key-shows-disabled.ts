import { toggleCase } from './_enable-disable.js';
import { recorded } from '../_lib/sources.js';

export default toggleCase({
  op: 'DisableKey',
  variant: 'shows',
  title: 'DisableKey answers an empty result; DescribeKey then shows Enabled false and KeyState Disabled (L1)',
  source: recorded('spec/aws-observed.md §3 L1 (LS-TEST test_disable_and_enable_key); empty result: EX DisableKey'),
});
