import { allowed } from './_description.js';
import { documented } from '../_lib/sources.js';

export default allowed('Disabled', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (UpdateKeyDescription ✓ while Disabled)'));
