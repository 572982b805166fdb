import { UUID_PATTERN } from '../_lib/support.js';
import { memberCase } from './_key-metadata-member-values.js';
import { recorded } from '../_lib/sources.js';

export default memberCase('KeyId', 'is a lower-case UUID string', (t, v) => t.check(typeof v === 'string' && UUID_PATTERN.test(v), 'KeyId is a UUID', v), recorded('spec/aws-observed.md §4.1 (LS-SNAP test_create_key)', { verifiedAt: '2023-04-13' }));
