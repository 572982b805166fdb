import { memberCase, equals } from './_key-metadata-member-values.js';
import { recorded } from '../_lib/sources.js';

export default memberCase('KeyUsage', 'is ENCRYPT_DECRYPT', equals('ENCRYPT_DECRYPT'), recorded('spec/aws-observed.md §4.1 (LS-SNAP test_create_key)', { verifiedAt: '2023-04-13' }));
