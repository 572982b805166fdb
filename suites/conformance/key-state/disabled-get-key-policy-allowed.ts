import { getAllowed } from './_key-policy.js';
import { documented } from '../_lib/sources.js';

export default getAllowed('Disabled', documented('https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD) (GetKeyPolicy ✓ in every state)'));
