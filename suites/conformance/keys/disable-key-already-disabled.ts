import { toggleCase } from './_enable-disable.js';
import { documented } from '../_lib/sources.js';

export default toggleCase({
  op: 'DisableKey',
  variant: 'already',
  title: 'DisableKey of a disabled key succeeds and the key stays Disabled',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (DisableKey ✓ while Disabled)'),
});
