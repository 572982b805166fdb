import { createAllowed } from './_aliases.js';
import { documented } from '../_lib/sources.js';

export default createAllowed('Disabled', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (CreateAlias ✓ while Disabled)'));
