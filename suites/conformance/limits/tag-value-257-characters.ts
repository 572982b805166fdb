import { tagTooLong } from './_tag-length.js';
import { recorded } from '../_lib/sources.js';

export default tagTooLong({
  member: 'TagValue',
  max: 256,
  tag: { TagKey: 'k', TagValue: 'v'.repeat(257) },
  title: "CreateKey refuses a 257-character tag value: Value '<value>' at 'tags.1.member.tagValue' ... 256 (V17)",
  source: recorded('spec/aws-observed.md §6.1 V17 (LS-SNAP test_key_with_long_tag_value_raises_error)'),
});
