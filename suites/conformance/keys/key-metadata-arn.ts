import { keyArn } from '../_lib/support.js';
import { memberCase } from './_key-metadata-member-values.js';
import { recorded } from '../_lib/sources.js';

export default memberCase('Arn', 'is arn:<partition>:kms:<region>:<account>:key/<KeyId>', (t, v, m) => t.expectEqual(v, keyArn(t, String(m.KeyId)), 'Arn'), recorded('spec/aws-observed.md §4.1 (LS-SNAP test_create_key)', { verifiedAt: '2023-04-13' }));
