import { reservedOnTag } from './_tag-rules.js';
import { recorded } from '../_lib/sources.js';

export default reservedOnTag('AWS', recorded('spec/aws-observed.md §6.3 (LS-SNAP test_tag_existing_key_with_invalid_tag_key)'));
