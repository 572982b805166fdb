import { reservedOnCreate } from './_tag-rules.js';

export default reservedOnCreate('AWS', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §6.3 (LS-SNAP test_create_key_with_invalid_tag_key[uppercase_prefix])',
  verifiedAt: '2026-12-07',
});
