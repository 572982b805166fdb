import { reservedOnCreate } from './_tag-rules.js';
import { recorded } from '../_lib/sources.js';

export default reservedOnCreate('AWS', recorded('spec/aws-observed.md §6.3 (LS-SNAP test_create_key_with_invalid_tag_key[uppercase_prefix])'));
