import { reservedOnCreate } from './_tag-rules.js';
import { recorded } from '../_lib/sources.js';

export default reservedOnCreate('aws', recorded('spec/aws-observed.md §6.3 (LS-SNAP test_create_key_with_invalid_tag_key[lowercase_prefix])'));
