import { memberCase } from './_key-metadata-member-values.js';
import { recorded } from '../_lib/sources.js';

export default memberCase('AWSAccountId', "is the caller's account id, a string", (t, v) => t.expectEqual(v, t.account, 'AWSAccountId'), recorded('spec/aws-observed.md §4.1 (LS-SNAP test_create_key)', { verifiedAt: '2023-04-13' }));
