import { reservedOnTag } from './_tag-rules.js';

export default reservedOnTag('aws', {
  kind: 'recorded',
  cite: 'spec/aws-observed.md §6.3 (LS-SNAP test_tag_existing_key_with_invalid_tag_key)',
  verifiedAt: '2026-12-07',
});
